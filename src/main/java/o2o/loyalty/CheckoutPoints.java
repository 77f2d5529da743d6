package o2o.loyalty;


import o2o.orders.PointsPayment;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Points as money at checkout, for the orders module: spent in the order's transaction, given back with it. */
@Component
class CheckoutPoints implements PointsPayment {

    private final Loyalty loyalty;
    private final PointsSpending spending;

    CheckoutPoints(Loyalty loyalty, PointsSpending spending) {
        this.loyalty = loyalty;
        this.spending = spending;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Money apply(OrderId orderId, CustomerId customerId, MerchantId merchantId, Money payable, long points) {
        var membership = loyalty.memberAt(customerId, merchantId)
                .orElseThrow(CheckoutPoints::notAMember);
        var rules = spending.rules(membership.programId());
        var value = rules.valueOf(points);
        long most = rules.mostPointsFor(payable);
        if (points > most) throw new InvalidInput("pointsToUse", "at most " + most + " points for this order");
        spending.spend(customerId, membership.programId(), merchantId, points,
                spendReference(orderId), "积分抵现");
        return value;
    }

    /** Only unpaid orders are cancelled, so none of their points went back with a refund before. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(OrderId orderId) {
        var reference = spendReference(orderId);
        spending.giveBack(reference, reference + ":back", spending.spentUnder(reference), "取消订单退回积分");
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(OrderId orderId, long points, String refundReference) {
        var reference = spendReference(orderId);
        spending.giveBack(reference, reference + ":refund:" + refundReference, points, "退款退回积分");
    }

    static Problem notAMember() {
        return new Problem(HttpStatus.CONFLICT, "not-a-member", "join the merchant's membership to use points");
    }

    private static String spendReference(OrderId orderId) {
        return "order:" + orderId + ":points";
    }
}
