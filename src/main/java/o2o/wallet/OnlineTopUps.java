package o2o.wallet;

import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.merchants.MerchantStatus;
import o2o.merchants.Merchants;
import o2o.orders.Channel;
import o2o.orders.Orders;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member buys stored value online: an order of channel TOP_UP, paid on the sandbox gateway like any order; the
 * wallet credits it (with the bonus the rules give then) when the order's {@code OrderPaid} arrives. Apart from
 * {@link StoredValue} because orders pay through payments, whose {@code wallet} provider is stored value.
 */
@Service
public class OnlineTopUps {

    private final StoredValue storedValue;
    private final Orders orders;
    private final Merchants merchants;

    OnlineTopUps(StoredValue storedValue, Orders orders, Merchants merchants) {
        this.storedValue = storedValue;
        this.orders = orders;
        this.merchants = merchants;
    }

    /** An online top-up under way: the order to pay and where the payer goes to pay it. */
    public record TopUpStarted(UUID orderId, UUID merchantId, Money amount, Money bonus, UUID paymentId,
            String redirectUrl) {}

    @Transactional
    public TopUpStarted start(CustomerPrincipal customer, UUID merchantId, Money amount) {
        merchants.find(merchantId).filter(m -> m.status() == MerchantStatus.APPROVED)
                .orElseThrow(() -> Problem.notFound("merchant"));
        StoredValue.checkTopUpAmount(amount);
        var order = orders.placeTopUpOrder(customer, merchantId, amount, "储值充值");
        var payment = orders.pay(customer, order.id().value(), Orders.ONLINE, "/me/wallet/top-ups/" + order.id());
        return new TopUpStarted(order.id().value(), merchantId, amount, storedValue.bonusFor(merchantId, amount),
                payment.id(), payment.redirectUrl());
    }

    /** The member's own top-up order: its amount and whether the wallet has been credited yet. */
    @Transactional(readOnly = true)
    public TopUpStatus status(CustomerPrincipal customer, UUID orderId) {
        var order = orders.ofCustomer(customer, orderId);
        if (order.channel() != Channel.TOP_UP) throw Problem.notFound("top-up");
        return new TopUpStatus(order.id().value(), order.merchantId().value(), order.total(), order.status().name(),
                storedValue.credited(order.id().value()));
    }

    public record TopUpStatus(UUID orderId, UUID merchantId, Money amount, String orderStatus, boolean credited) {}
}
