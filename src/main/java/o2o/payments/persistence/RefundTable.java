package o2o.payments.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import o2o.payments.Refund;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refund} table: the one insert (once per reference), the lease of due refunds, their outcomes. */
@Repository
public class RefundTable {

    private final JdbcClient jdbc;

    RefundTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String reference) {
        return jdbc.sql("select count(*) from refund where reference = :ref").param("ref", reference)
                .query(Long.class).single() > 0;
    }

    public long refundedOfPayment(UUID paymentId) {
        return jdbc.sql("select coalesce(sum(amount_minor), 0) from refund where payment_id = :payment")
                .param("payment", paymentId)
                .query(Long.class)
                .single();
    }

    public long refundedOfOrder(UUID orderId) {
        return jdbc.sql("select coalesce(sum(amount_minor), 0) from refund where order_id = :order")
                .param("order", orderId)
                .query(Long.class)
                .single();
    }

    /** Writes a pending refund, due at once; false when the reference had a refund already. */
    public boolean insert(Refund refund, String reference, Instant now) {
        var payment = refund.payment();
        return jdbc.sql("""
                        insert into refund (id, payment_id, merchant_id, order_id, amount_minor, currency, reference,
                                            status, created_at, out_refund_no, next_attempt_at, reason)
                        values (:id, :payment, :merchant, :order, :amount, :currency, :ref, :status, :now,
                                :outRefundNo, :now, :reason)
                        on conflict (reference, merchant_id) do nothing
                        """)
                .param("id", refund.id())
                .param("payment", payment.id())
                .param("merchant", payment.merchantId())
                .param("order", payment.orderId())
                .param("amount", refund.amount().minor())
                .param("currency", refund.amount().currency().getCurrencyCode())
                .param("ref", reference)
                .param("status", refund.status().name())
                .param("now", utc(now))
                .param("outRefundNo", refund.outRefundNo())
                .param("reason", refund.reason())
                .update() > 0;
    }

    /** The refund is confirmed; false when it had ended before. */
    public boolean succeeded(UUID refundId, Instant now) {
        return jdbc.sql("""
                        update refund set status = 'SUCCEEDED', completed_at = :now, last_error = null
                        where id = :id and status in ('PENDING', 'PROCESSING')
                        """)
                .param("now", utc(now))
                .param("id", refundId)
                .update() == 1;
    }

    /** The provider took the refund and confirms later: asked about again at {@code next}. */
    public void processing(UUID refundId, Instant next) {
        jdbc.sql("""
                        update refund set status = 'PROCESSING', next_attempt_at = :next
                        where id = :id and status in ('PENDING', 'PROCESSING')
                        """)
                .param("next", utc(next))
                .param("id", refundId)
                .update();
    }

    public void failed(UUID refundId, String error) {
        jdbc.sql("update refund set status = 'FAILED', last_error = :error where id = :id and status = 'PENDING'")
                .param("error", error)
                .param("id", refundId)
                .update();
    }

    /** The call failed without an answer; the refund stays due at the time its lease set. */
    public void notSent(UUID refundId, String error) {
        jdbc.sql("update refund set last_error = :error where id = :id")
                .param("error", error)
                .param("id", refundId)
                .update();
    }

    /**
     * Leases up to {@code limit} due refunds: their next attempt is pushed out (1 s, 2 s, 4 s … at most 10 minutes)
     * in the statement that picks them, so several nodes never send one at once.
     */
    public List<LeasedRefund> leaseDue(Instant now, int limit) {
        // the lease touches refund rows only (through refund_due_idx): it runs twice a second on every node, mostly
        // finding nothing, and must not scan payments to do so
        return jdbc.sql("""
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
                .query((rs, row) -> new LeasedRefund(rs.getObject("id", UUID.class),
                        Refund.Status.valueOf(rs.getString("status")),
                        new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("reason"), rs.getObject("payment_id", UUID.class)))
                .list();
    }
}
