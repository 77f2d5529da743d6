package o2o.payments;

import java.time.Clock;

import o2o.payments.persistence.PaymentTable;
import o2o.payments.persistence.ProviderEventLog;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a provider reports, applied once: the event's id is recorded in the same transaction as the state change it
 * causes, so a webhook delivered five times, at once or a day apart, changes state once. Runs in the caller's
 * transaction.
 */
@Component
class Settlements {

    private static final Logger log = LoggerFactory.getLogger(Settlements.class);

    private final ProviderEventLog applied;
    private final PaymentTable payments;
    private final Refunds refunds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Settlements(ProviderEventLog applied, PaymentTable payments, Refunds refunds, ApplicationEventPublisher events,
            Clock clock) {
        this.applied = applied;
        this.payments = payments;
        this.refunds = refunds;
        this.events = events;
        this.clock = clock;
    }

    boolean apply(ProviderEvent event) {
        if (!applied.recordFirst(event.provider(), event.eventId(), clock.instant())) return false;
        switch (event.type()) {
            case PAYMENT_SUCCEEDED -> payments.find(event.subject()).ifPresent(payment -> paid(payment, event));
            case PAYMENT_FAILED -> payments.find(event.subject()).ifPresent(this::failed);
            case REFUND_SUCCEEDED -> refunds.succeeded(event.subject());
        }
        return true;
    }

    private void paid(Payment payment, ProviderEvent event) {
        payments.lockPaymentsOf(payment.orderId());
        if (!payment.isPending()) return;
        var now = clock.instant();
        var outcome = payment.whenPaid(event.amount(), () -> payments.paidOtherwise(payment));
        if (!payments.end(payment.id(), outcome, now)) return;
        switch (outcome) {
            case MISMATCH -> {
                log.warn("{} says payment {} paid {}, not {}: not taken as paid, paid back", event.provider(),
                        payment.id(), event.amount(), payment.amount());
                refunds.open(payment, event.amount(), "payment:" + payment.id() + ":amount-mismatch",
                        "amount differs");
            }
            case DUPLICATE -> refunds.open(payment, payment.amount(), "payment:" + payment.id() + ":duplicate",
                    "paid twice");
            case SUCCEEDED -> events.publishEvent(new PaymentSucceeded(new PaymentId(payment.id()),
                    new OrderId(payment.orderId()), new MerchantId(payment.merchantId()), payment.amount(), now));
            case PENDING, FAILED -> throw new IllegalStateException("a paid payment is not " + outcome);
        }
    }

    private void failed(Payment payment) {
        if (!payment.isPending()) return;
        var now = clock.instant();
        if (payments.end(payment.id(), payment.whenFailed(), now)) {
            events.publishEvent(new PaymentFailed(new PaymentId(payment.id()), new OrderId(payment.orderId()), now));
        }
    }
}
