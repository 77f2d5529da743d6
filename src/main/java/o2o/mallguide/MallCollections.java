package o2o.mallguide;

import java.util.List;
import java.util.UUID;

import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.mallguide.persistence.MallCartOrders;
import o2o.orders.GroupOrderRefunded;
import o2o.orders.OrderGroupPaid;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the mall collected for its tenants in carts across them, on the ledger: per tenant order paid, the mall owes
 * the tenant its total ({@code MALL_COLLECTED_DUE}, holder {@code merchant:<tenant>}, scope {@code mall:<mall>}),
 * against the mall's own {@code MALL_COLLECTED} account; a refund of the order takes back what it refunded. Each
 * entry is posted once by its reference (the order, or the order and the refund's reference), so a redelivered event
 * posts nothing twice; only grouped orders' events reach here, so other orders pay nothing for it.
 */
@Component
class MallCollections {

    static final String DUE = "MALL_COLLECTED_DUE";
    static final String COLLECTED = "MALL_COLLECTED";

    private final Ledger ledger;
    private final MallCartOrders carts;

    MallCollections(Ledger ledger, MallCartOrders carts) {
        this.ledger = ledger;
        this.carts = carts;
    }

    @ApplicationModuleListener
    void on(OrderGroupPaid paid) {
        carts.mallOf(paid.groupId()).ifPresent(mall -> {
            for (var share : paid.shares()) collected(mall, paid.payee(), share.orderId(), share.merchantId(), share.total());
        });
    }

    @ApplicationModuleListener
    void on(GroupOrderRefunded refunded) {
        carts.mallOf(refunded.groupId()).ifPresent(mall -> {
            // the collection first (once), so a refund heard before its payment never takes the tenant below zero
            collected(mall, refunded.payee(), refunded.orderId(), refunded.merchantId(), refunded.orderTotal());
            var accounts = accounts(mall, refunded.payee(), refunded.merchantId(), refunded.amount());
            ledger.post(reference(refunded.orderId()) + ":refund:" + refunded.reference(), "商场代收退款",
                    refunded.merchantId().value(), List.of(new Posting(accounts.due(), -refunded.amount().minor()),
                            new Posting(accounts.collected(), refunded.amount().minor())));
        });
    }

    private void collected(UUID mall, MerchantId payee, OrderId order, MerchantId tenant, Money total) {
        if (total.isZero()) return;
        var accounts = accounts(mall, payee, tenant, total);
        ledger.post(reference(order), "商场代收", tenant.value(), List.of(new Posting(accounts.due(), total.minor()),
                new Posting(accounts.collected(), -total.minor())));
    }

    private record Accounts(UUID due, UUID collected) {}

    private Accounts accounts(UUID mall, MerchantId payee, MerchantId tenant, Money amount) {
        var unit = amount.currency().getCurrencyCode();
        var due = ledger.account(new AccountKey(DUE, "merchant:" + tenant, "mall:" + mall, unit), tenant.value(),
                false);
        var collected = ledger.account(new AccountKey(COLLECTED, "merchant:" + payee, "mall:" + mall, unit),
                payee.value(), true);
        return new Accounts(due.id(), collected.id());
    }

    static String reference(OrderId order) {
        return "mall-collected:" + order;
    }
}
