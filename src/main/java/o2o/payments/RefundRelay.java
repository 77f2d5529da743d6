package o2o.payments;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.payments.persistence.LeasedRefund;
import o2o.payments.persistence.PaymentTable;
import o2o.payments.persistence.RefundTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends refunds to gateways after the transaction that decided them has committed: each due refund is leased (its
 * next attempt pushed out in the same statement that picks it, so several nodes never send one at once), sent outside
 * any transaction, and its outcome recorded. A call that fails is sent again later with the same number (1 s, 2 s,
 * 4 s … at most 10 minutes apart); a refund the gateway took as PROCESSING is asked about until it is confirmed.
 */
@Component
class RefundRelay {

    private static final Logger log = LoggerFactory.getLogger(RefundRelay.class);
    private static final Duration PROCESSING_POLL = Duration.ofSeconds(30);
    private static final int BATCH = 20;

    private final RefundTable refunds;
    private final PaymentTable payments;
    private final Providers providers;
    private final Clock clock;

    RefundRelay(RefundTable refunds, PaymentTable payments, Providers providers, Clock clock) {
        this.refunds = refunds;
        this.payments = payments;
        this.providers = providers;
        this.clock = clock;
    }

    /** The due refunds, on one node at a time. */
    @Scheduled(fixedDelayString = "${o2o.payments.refund-relay-interval:500ms}")
    @SchedulerLock(name = "payments.refund-relay", lockAtLeastFor = "PT0.05S", lockAtMostFor = "PT5M")
    public void relayOnSchedule() {
        relay();
    }

    /** Sends every refund that is due (new, failed before, or waiting for confirmation), each by one node only. */
    void relay() {
        List<Refund> due;
        do {
            due = lease();
            due.forEach(this::send);
        } while (due.size() == BATCH);
    }

    private List<Refund> lease() {
        var leased = refunds.leaseDue(clock.instant(), BATCH);
        if (leased.isEmpty()) return List.of();
        var paymentsById = payments.byIds(leased.stream().map(LeasedRefund::paymentId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Payment::id, Function.identity()));
        return leased.stream()
                .map(l -> l.of(paymentsById.get(l.paymentId())))
                .filter(refund -> !providers.get(refund.payment().provider()).local())
                .toList();
    }

    private void send(Refund refund) {
        var provider = providers.get(refund.payment().provider());
        try {
            var outcome = refund.sendTo(provider);
            if (refund.after(outcome) == Refund.Status.SUCCEEDED) {
                refunds.succeeded(refund.id(), clock.instant());
            } else {
                refunds.processing(refund.id(), clock.instant().plus(PROCESSING_POLL));
            }
        } catch (PaymentProvider.RefundRejected e) {
            log.warn("{} refused refund {} for good: {}", provider.name(), refund.id(), e.getMessage());
            refunds.failed(refund.id(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Refund {} not sent to {} (will retry with the same number): {}", refund.id(), provider.name(),
                    e.toString());
            refunds.notSent(refund.id(), e.toString());
        }
    }
}
