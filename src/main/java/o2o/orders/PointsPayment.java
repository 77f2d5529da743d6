package o2o.orders;


import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;

/**
 * Paying part (or all) of an order with the customer's loyalty points. Implemented by the loyalty module, which
 * depends on orders and not the other way round; every method runs in the caller's transaction.
 */
public interface PointsPayment {

    /**
     * Spends the points on the order (reference {@code order:<id>:points}) and returns the money they are worth.
     * Fails with a 4xx problem, spending nothing, where the customer is not a member of the merchant, the points
     * break the program's rate, cap or minimum, or the member's balance is short.
     */
    Money apply(OrderId orderId, CustomerId customerId, MerchantId merchantId, Money payable, long points);

    /** The order was cancelled: all its points go back, once ({@code order:<id>:points:back}). */
    void giveBack(OrderId orderId);

    /** Part of the paid order was refunded: these of its points go back, once per refund reference. */
    void giveBack(OrderId orderId, long points, String refundReference);
}
