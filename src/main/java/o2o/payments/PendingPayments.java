package o2o.payments;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.payments.persistence.PaymentTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks the gateway about every payment still pending after {@code o2o.payments.query-after} (a payment is written
 * with its first {@code next_query_at} then, so the job reads only what is due, on an index), so a notification that
 * never arrived does not lose a paid order: paid → applied as if notified (with the amount the gateway reports), closed
 * → failed, still open past {@code close-after} → closed at the gateway, then failed. Each payment is leased by pushing
 * its next query out in the statement that picks it, so several nodes never ask about one at once, and the gateway is
 * called outside any transaction.
 */
@Component
class PendingPayments {

    private static final Logger log = LoggerFactory.getLogger(PendingPayments.class);

    private final PaymentTable table;
    private final Payments payments;
    private final Providers providers;
    private final PaymentsProperties properties;
    private final Clock clock;

    PendingPayments(PaymentTable table, Payments payments, Providers providers,
            PaymentsProperties properties, Clock clock) {
        this.table = table;
        this.payments = payments;
        this.providers = providers;
        this.properties = properties;
        this.clock = clock;
    }

    /** The overdue payments, on one node at a time. */
    @Scheduled(fixedDelayString = "${o2o.payments.query-job-interval:15s}")
    @SchedulerLock(name = "payments.query-overdue", lockAtLeastFor = "PT5S", lockAtMostFor = "PT10M")
    public void queryOverdueOnSchedule() {
        queryOverdue();
    }

    void queryOverdue() {
        var gateways = providers.gateways().stream()
                .collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
        List<Payment> due;
        do {
            due = lease(gateways, 50);
            due.forEach(payment -> ask(gateways.get(payment.provider()), payment));
        } while (due.size() == 50);
    }

    private List<Payment> lease(Map<String, PaymentProvider> gateways, int limit) {
        var now = clock.instant();
        return table.leaseOverdue(gateways.keySet(), now, now.plus(properties.queryInterval()), limit);
    }

    private void ask(PaymentProvider provider, Payment payment) {
        try {
            var status = provider.query(payment.ref());
            if (status.isEmpty()) return;
            switch (status.get().state()) {
                case PAID -> payments.apply(new ProviderEvent(provider.name(), "query:" + payment.id() + ":paid",
                        ProviderEvent.Type.PAYMENT_SUCCEEDED, payment.id(), status.get().transactionId(),
                        status.get().paid()));
                case CLOSED -> payments.apply(new ProviderEvent(provider.name(), "query:" + payment.id() + ":closed",
                        ProviderEvent.Type.PAYMENT_FAILED, payment.id(), null));
                case OPEN -> {
                    if (payment.createdAt().plus(properties.closeAfter()).isBefore(clock.instant())) {
                        provider.close(payment.ref());
                        payments.apply(new ProviderEvent(provider.name(), "query:" + payment.id() + ":closed",
                                ProviderEvent.Type.PAYMENT_FAILED, payment.id(), null));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not ask {} about payment {}: {}", provider.name(), payment.id(), e.toString());
        }
    }
}
