package o2o.payments.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.payments.Payment;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment} table: the one insert, the reads, and the conditional update that ends a payment once. */
@Repository
public class PaymentTable {

    private static final String COLUMNS = """
            id, order_id, merchant_id, customer_id, provider, status, amount_minor, currency, provider_ref,
            redirect_url, created_at, completed_at
            """;

    private final JdbcClient jdbc;

    PaymentTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a payment just opened, to be asked about from {@code firstQuery} on if no notification came. */
    public void insert(Payment payment, Instant firstQuery) {
        jdbc.sql("""
                        insert into payment (id, order_id, merchant_id, customer_id, provider, status, amount_minor,
                                             currency, provider_ref, redirect_url, created_at, out_trade_no,
                                             next_query_at)
                        values (:id, :order, :merchant, :customer, :provider, :status, :amount, :currency, :ref,
                                :redirect, :now, :outTradeNo, :firstQuery)
                        """)
                .param("id", payment.id())
                .param("order", payment.orderId())
                .param("merchant", payment.merchantId())
                .param("customer", payment.customerId())
                .param("provider", payment.provider())
                .param("status", payment.status().name())
                .param("amount", payment.amount().minor())
                .param("currency", payment.amount().currency().getCurrencyCode())
                .param("ref", payment.providerRef())
                .param("redirect", payment.redirectUrl())
                .param("now", utc(payment.createdAt()))
                .param("outTradeNo", payment.outTradeNo())
                .param("firstQuery", utc(firstQuery))
                .update();
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = :id")
                .param("id", id)
                .query(PaymentTable::payment)
                .optional();
    }

    public List<Payment> byIds(Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(PaymentTable::payment)
                .list();
    }

    /** The order's payments that have not failed, pending or through. */
    public List<Payment> notFailedOf(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from payment where order_id = :order and status <> 'FAILED'")
                .param("order", orderId)
                .query(PaymentTable::payment)
                .list();
    }

    public Optional<Payment> succeededOf(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from payment where order_id = :order and status = 'SUCCEEDED'")
                .param("order", orderId)
                .query(PaymentTable::payment)
                .optional();
    }

    /** The payment that paid the order, locked until the transaction ends (refunds of it are decided one by one). */
    public Optional<Payment> succeededOfForUpdate(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from payment where order_id = :order and status = 'SUCCEEDED' for update")
                .param("order", orderId)
                .query(PaymentTable::payment)
                .optional();
    }

    /** One payment decision at a time per order: starting one, or a provider saying one succeeded. */
    public void lockPaymentsOf(UUID orderId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", orderId.toString())
                .query(Integer.class).single();
    }

    public boolean paidOtherwise(Payment payment) {
        return jdbc.sql("select count(*) from payment where order_id = :order and status = 'SUCCEEDED' and id <> :id")
                .param("order", payment.orderId()).param("id", payment.id()).query(Long.class).single() > 0;
    }

    /** Ends a pending payment; false when it was no longer pending (another end won). */
    public boolean end(UUID paymentId, Payment.Status status, Instant now) {
        return jdbc.sql("""
                        update payment set status = :status, completed_at = :now
                        where id = :id and status = 'PENDING'
                        """)
                .param("status", status.name())
                .param("now", utc(now))
                .param("id", paymentId)
                .update() == 1;
    }

    /**
     * Leases up to {@code limit} pending payments of these providers whose query is due, pushing their next query to
     * {@code next} in the statement that picks them, so that several nodes never ask about one at once.
     */
    public List<Payment> leaseOverdue(Collection<String> providers, Instant now, Instant next, int limit) {
        return jdbc.sql("""
                        with due as (select id from payment
                                     where status = 'PENDING' and next_query_at <= :now and provider = any(:providers)
                                     order by next_query_at limit :limit for update skip locked)
                        update payment p set next_query_at = :next from due where p.id = due.id
                        returning p.id, p.order_id, p.merchant_id, p.customer_id, p.provider, p.status,
                                  p.amount_minor, p.currency, p.provider_ref, p.redirect_url, p.created_at,
                                  p.completed_at
                        """)
                .param("next", utc(next))
                .param("providers", providers.toArray(String[]::new))
                .param("now", utc(now))
                .param("limit", limit)
                .query(PaymentTable::payment)
                .list();
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        var completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("merchant_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("provider"), Payment.Status.valueOf(rs.getString("status")),
                new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("provider_ref"), rs.getString("redirect_url"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                completed == null ? null : completed.toInstant());
    }
}
