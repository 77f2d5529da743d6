package o2o.tableorders;

import o2o.identity.CustomerPrincipal;
import o2o.orders.Channel;
import o2o.orders.NewOrder;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.payments.Payments;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.stereotype.Component;

/**
 * A diner paying a share from the phone: the share's order is placed (member discount, coupon, points) and its
 * payment started. The same payer tapping again gets the same order and payment.
 */
@Component
class SharePayments {

    private final ShareOrders shareOrders;
    private final SharePricing pricing;
    private final Orders orders;
    private final Payments payments;

    SharePayments(ShareOrders shareOrders, SharePricing pricing, Orders orders, Payments payments) {
        this.shareOrders = shareOrders;
        this.pricing = pricing;
        this.orders = orders;
        this.payments = payments;
    }

    SharePayment pay(TableBill bill, BillShare unsettled, CustomerPrincipal customer, Bills.Payment payment,
            String returnUrl) {
        var share = shareOrders.freeIfCancelled(bill, unsettled);
        if (share.turnOf(customer.customerId()) == PayerTurn.REPEAT) {
            return repeat(share, customer, payment, returnUrl);
        }
        long pointsToUse = payment.pointsToUse();
        if (payment.byPoints()) {
            var preview = pricing.price(bill, share, customer.customerId(), payment.couponId(), 0);
            if (preview.pointsToCoverAll() == null) throw pointsCannotCover();
            pointsToUse = preview.pointsToCoverAll();
        }
        var order = orders.place(new NewOrder(new MerchantId(bill.merchantId()), new StoreId(bill.storeId()),
                customer.id(), Channel.DINE_IN, shareOrders.lines(bill, share),
                pricing.memberDiscount(customer.customerId(), bill.merchantId(), share.amount()), payment.couponId(),
                pointsToUse));
        shareOrders.attach(share, order.id().value(), customer.customerId());
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return new SharePayment(share.id(), order.id().value(), order.status(), null);
        }
        if (payment.byPoints()) throw pointsCannotCover();
        var started = orders.pay(customer, order.id().value(), payment.method(), returnUrl);
        return new SharePayment(share.id(), order.id().value(), order.status(), started.redirectUrl());
    }

    /**
     * A repeat of a tap whose payment went through (stored value settles at once; the order is marked paid just
     * after) is the same order, nothing new; else the payment is started again.
     */
    private SharePayment repeat(BillShare share, CustomerPrincipal customer, Bills.Payment payment, String returnUrl) {
        var order = orders.find(share.orderId()).orElseThrow();
        if (order.status() != OrderStatus.PENDING_PAYMENT || payment.byPoints()
                || payments.succeeded(order.id().value()).isPresent()) {
            return new SharePayment(share.id(), order.id().value(), order.status(), null);
        }
        var started = orders.pay(customer, order.id().value(), payment.method(), returnUrl);
        return new SharePayment(share.id(), order.id().value(), order.status(), started.redirectUrl());
    }

    private static Problem pointsCannotCover() {
        return Problem.conflict("bill-points-cannot-cover", "your points cannot pay all of this share");
    }
}
