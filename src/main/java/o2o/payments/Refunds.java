package o2o.payments;

import static o2o.shared.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import o2o.shared.Ids;
import o2o.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The refunds of payments, and the relay that sends them to gateways. A refund row, with its out-refund-no, is written
 * in the transaction that decides the refund; a gateway is called only after that commit, by {@link #relay()}: each
 * due refund is leased (its next attempt pushed out in the same statement that picks it, so several nodes never send
 * one at once), sent outside any transaction, and its outcome recorded. A call that fails is sent again later with the
 * same number (1 s, 2 s, 4 s … at most 10 minutes apart); a refund the gateway took as PROCESSING is asked about until
 * it is confirmed. Stored value, being in this database, is refunded in the deciding transaction itself.
 */
@Component
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final Duration PROCESSING_POLL = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Providers providers;
    private final Clock clock;

    Refunds(JdbcClient jdbc, Providers providers, Clock clock) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.clock = clock;
    }

    private PaymentProvider provider(String name) {
        return providers.get(name);
    }

    boolean exists(String reference) {
        return jdbc.sql("select count(*) from refund where reference = :ref").param("ref", reference)
                .query(Long.class).single() > 0;
    }

    long refundedOf(UUID paymentId) {
        return jdbc.sql("select coalesce(sum(amount_minor), 0) from refund where payment_id = :payment")
                .param("payment", paymentId)
                .query(Long.class)
                .single();
    }

    /**
     * Records a refund of {@code amount} of a payment once per reference; stored value pays it back now, a gateway
     * hears of it after commit. Must run in the caller's transaction.
     */
    void open(Payment payment, Money amount, String reference, String reason) {
        var id = Ids.next();
        int inserted = jdbc.sql("""
                        insert into refund (id, payment_id, merchant_id, order_id, amount_minor, currency, reference,
                                            status, created_at, out_refund_no, next_attempt_at, reason)
                        values (:id, :payment, :merchant, :order, :amount, :currency, :ref, 'PENDING', :now,
                                :outRefundNo, :now, :reason)
                        on conflict (reference) do nothing
                        """)
                .param("id", id)
                .param("payment", payment.id())
                .param("merchant", payment.merchantId())
                .param("order", payment.orderId())
                .param("amount", amount.minor())
                .param("currency", amount.currency().getCurrencyCode())
                .param("ref", reference)
                .param("now", utc(clock.instant()))
                .param("outRefundNo", Payment.number(id))
                .param("reason", reason)
                .update();
        if (inserted == 0) return;
        var provider = provider(payment.provider());
        if (provider.local()) {
            provider.refund(request(id, payment, amount, reason));
            succeeded(id);
        }
    }

    /** The gateway confirmed a refund (by notification or when asked). */
    boolean succeeded(UUID refundId) {
        return jdbc.sql("""
                        update refund set status = 'SUCCEEDED', completed_at = :now, last_error = null
                        where id = :id and status in ('PENDING', 'PROCESSING')
                        """)
                .param("now", utc(clock.instant()))
                .param("id", refundId)
                .update() == 1;
    }

    /** Sends every refund that is due (new, failed before, or waiting for confirmation), each by one node only. */
    @Scheduled(fixedDelayString = "${o2o.payments.refund-relay-interval:500ms}")
    void relay() {
        List<Due> due;
        do {
            due = lease(20);
            due.forEach(this::send);
        } while (due.size() == 20);
    }

    private List<Due> lease(int limit) {
        var now = clock.instant();
        // the lease touches refund rows only (through refund_due_idx): it runs twice a second on every node, mostly
        // finding nothing, and must not scan payments to do so
        var leased = jdbc.sql("""
                        with due as (select id from refund
                                     where status in ('PENDING', 'PROCESSING') and next_attempt_at <= :now
                                     order by next_attempt_at limit :limit for update skip locked)
                        update refund r set attempts = r.attempts + 1,
                            next_attempt_at = :now + least(interval '1 second' * power(2, least(r.attempts, 20)),
                                                           interval '10 minutes')
                        from due where r.id = due.id
                        returning r.id, r.status, r.amount_minor, r.currency, r.reason, r.payment_id
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, row) -> new Leased(rs.getObject("id", UUID.class), rs.getString("status"),
                        new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("reason"), rs.getObject("payment_id", UUID.class)))
                .list();
        if (leased.isEmpty()) return List.of();
        var paymentsById = jdbc.sql("select " + Payments.COLUMNS + " from payment where id = any(:ids)")
                .param("ids", leased.stream().map(Leased::paymentId).distinct().toArray(UUID[]::new))
                .query(Payments::payment)
                .list()
                .stream()
                .collect(Collectors.toMap(Payment::id, Function.identity()));
        return leased.stream()
                .map(l -> new Due(l.id(), l.status(), l.amount(), l.reason(), paymentsById.get(l.paymentId())))
                .filter(d -> !provider(d.payment().provider()).local())
                .toList();
    }

    private void send(Due due) {
        var provider = provider(due.payment().provider());
        var request = request(due.id(), due.payment(), due.amount(), due.reason());
        try {
            var outcome = due.status().equals("PROCESSING")
                    ? provider.queryRefund(request).orElse(PaymentProvider.RefundOutcome.PROCESSING)
                    : provider.refund(request);
            if (outcome == PaymentProvider.RefundOutcome.SUCCEEDED) {
                succeeded(due.id());
            } else {
                jdbc.sql("""
                                update refund set status = 'PROCESSING', next_attempt_at = :next
                                where id = :id and status in ('PENDING', 'PROCESSING')
                                """)
                        .param("next", utc(clock.instant().plus(PROCESSING_POLL)))
                        .param("id", due.id())
                        .update();
            }
        } catch (PaymentProvider.RefundRejected e) {
            log.warn("{} refused refund {} for good: {}", provider.name(), due.id(), e.getMessage());
            jdbc.sql("update refund set status = 'FAILED', last_error = :error where id = :id and status = 'PENDING'")
                    .param("error", e.getMessage())
                    .param("id", due.id())
                    .update();
        } catch (RuntimeException e) {
            log.warn("Refund {} not sent to {} (will retry with the same number): {}", due.id(), provider.name(),
                    e.toString());
            jdbc.sql("update refund set last_error = :error where id = :id")
                    .param("error", e.toString())
                    .param("id", due.id())
                    .update();
        }
    }

    private static PaymentProvider.RefundRequest request(UUID refundId, Payment payment, Money amount, String reason) {
        return new PaymentProvider.RefundRequest(refundId, Payment.number(refundId), payment.id(),
                payment.outTradeNo(), payment.providerRef(), payment.merchantId(), payment.amount(), amount, reason);
    }

    private record Leased(UUID id, String status, Money amount, String reason, UUID paymentId) {}

    private record Due(UUID id, String status, Money amount, String reason, Payment payment) {}
}
