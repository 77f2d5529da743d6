package o2o.payments;

import java.time.Clock;
import java.util.UUID;

import o2o.payments.persistence.RefundTable;
import o2o.shared.Ids;
import o2o.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The refunds of payments. A refund row, with its out-refund-no, is written in the transaction that decides the
 * refund; a gateway hears of it only after that commit, from the {@link RefundRelay}. Stored value, being in this
 * database, is refunded in the deciding transaction itself.
 */
@Component
class Refunds {

    private final RefundTable table;
    private final Providers providers;
    private final Clock clock;

    Refunds(RefundTable table, Providers providers, Clock clock) {
        this.table = table;
        this.providers = providers;
        this.clock = clock;
    }

    boolean exists(String reference) {
        return table.exists(reference);
    }

    long refundedOf(UUID paymentId) {
        return table.refundedOfPayment(paymentId);
    }

    /**
     * Records a refund of {@code amount} of a payment once per reference; stored value pays it back now, a gateway
     * hears of it after commit. Must run in the caller's transaction.
     */
    void open(Payment payment, Money amount, String reference, String reason) {
        var refund = new Refund(Ids.next(), Refund.Status.PENDING, amount, reason, payment);
        if (!table.insert(refund, reference, clock.instant())) return;
        var provider = providers.get(payment.provider());
        if (provider.local()) {
            provider.refund(refund.request());
            succeeded(refund.id());
        }
    }

    /** The gateway confirmed a refund (by notification or when asked). */
    boolean succeeded(UUID refundId) {
        return table.succeeded(refundId, clock.instant());
    }
}
