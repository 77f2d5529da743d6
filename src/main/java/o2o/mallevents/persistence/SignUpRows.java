package o2o.mallevents.persistence;

import static o2o.mallevents.persistence.EventRows.nullableInstant;
import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.mallevents.SignUp;
import o2o.mallevents.SignUpStatus;
import o2o.shared.CustomerId;
import o2o.shared.OrderId;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mall_event_sign_up table. One holding sign-up per customer and event is a unique index; every change of a
 * sign-up's state is one conditional update, so of two racing changes one happens.
 */
@Repository
public class SignUpRows {

    /** The counts of one event's sign-ups. */
    public record Counts(long holding, long confirmed, long pending, long checkedIn) {}

    private static final String COLUMNS = """
            id, event_id, customer_id, status, order_id, created_at, confirmed_at, released_at, reminded_at,
            checked_in_at, refunded
            """;

    private final JdbcClient jdbc;

    SignUpRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the sign-up unless the customer holds one for the event already; true when inserted. */
    public boolean insertIfNone(UUID id, UUID eventId, CustomerId customer, SignUpStatus status, Instant now) {
        return jdbc.sql("""
                        insert into mall_event_sign_up (id, event_id, merchant_id, customer_id, status, created_at,
                                                        confirmed_at)
                        values (:id, :event, (select merchant_id from mall_event where id = :event), :customer, :status,
                                :now, :confirmedAt)
                        on conflict do nothing
                        """)
                .param("id", id).param("event", eventId).param("customer", customer.value())
                .param("status", status.name()).param("now", utc(now))
                .param("confirmedAt", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        status == SignUpStatus.CONFIRMED ? utc(now) : null))
                .update() == 1;
    }

    public void paidBy(UUID signUpId, OrderId order) {
        jdbc.sql("update mall_event_sign_up set order_id = :order where id = :id")
                .param("order", order.value()).param("id", signUpId).update();
    }

    /** The sign-up the customer holds for the event, if any. */
    public Optional<SignUp> holding(UUID eventId, CustomerId customer) {
        return jdbc.sql("select " + COLUMNS + """
                         from mall_event_sign_up
                        where event_id = :event and customer_id = :customer and status in ('PENDING_PAYMENT', 'CONFIRMED')
                        """)
                .param("event", eventId).param("customer", customer.value()).query(SignUpRows::signUp).optional();
    }

    public Optional<SignUp> find(UUID signUpId) {
        return jdbc.sql("select " + COLUMNS + " from mall_event_sign_up where id = :id")
                .param("id", signUpId).query(SignUpRows::signUp).optional();
    }

    /** The customer's sign-ups, newest first (the last 100). */
    public List<SignUp> ofCustomer(CustomerId customer) {
        return jdbc.sql("select " + COLUMNS + " from mall_event_sign_up where customer_id = :c order by created_at desc, id limit 100")
                .param("c", customer.value()).query(SignUpRows::signUp).list();
    }

    /** The event's sign-ups in the order they came (at most 2000). */
    public List<SignUp> ofEvent(UUID eventId) {
        return jdbc.sql("select " + COLUMNS + " from mall_event_sign_up where event_id = :e order by created_at, id limit 2000")
                .param("e", eventId).query(SignUpRows::signUp).list();
    }

    public Counts counts(UUID eventId) {
        return jdbc.sql("""
                        select count(*) filter (where status in ('PENDING_PAYMENT', 'CONFIRMED')),
                               count(*) filter (where status = 'CONFIRMED'),
                               count(*) filter (where status = 'PENDING_PAYMENT'),
                               count(*) filter (where checked_in_at is not null)
                        from mall_event_sign_up where event_id = :e
                        """)
                .param("e", eventId)
                .query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    /** PENDING_PAYMENT → CONFIRMED for the paid order; the sign-up, or empty when it had moved already. */
    public Optional<UUID> confirm(OrderId order, Instant now) {
        return jdbc.sql("""
                        update mall_event_sign_up set status = 'CONFIRMED', confirmed_at = :now
                        where order_id = :order and status = 'PENDING_PAYMENT' returning id
                        """)
                .param("order", order.value()).param("now", utc(now)).query(UUID.class).optional();
    }

    /** PENDING_PAYMENT → EXPIRED for the order cancelled unpaid; the event whose seat it held, once. */
    public Optional<UUID> expire(OrderId order, Instant now) {
        return jdbc.sql("""
                        update mall_event_sign_up set status = 'EXPIRED', released_at = :now
                        where order_id = :order and status = 'PENDING_PAYMENT' returning event_id
                        """)
                .param("order", order.value()).param("now", utc(now)).query(UUID.class).optional();
    }

    /** Every holding sign-up of the event → CANCELLED; the sign-ups as they were just before, once. */
    public List<SignUp> cancelAll(UUID eventId, Instant now) {
        return jdbc.sql("""
                        update mall_event_sign_up s set status = 'CANCELLED', released_at = :now
                        from (select id, status from mall_event_sign_up
                              where event_id = :e and status in ('PENDING_PAYMENT', 'CONFIRMED') for update) before
                        where s.id = before.id and s.status in ('PENDING_PAYMENT', 'CONFIRMED')
                        returning s.id, s.event_id, s.customer_id, before.status, s.order_id, s.created_at,
                            s.confirmed_at, s.released_at, s.reminded_at, s.checked_in_at, s.refunded
                        """)
                .param("e", eventId).param("now", utc(now)).query(SignUpRows::signUp).list();
    }

    /**
     * The customer's holding sign-up, not checked in → WITHDRAWN; the sign-up as it was just before, once (empty when
     * it was not the customer's, held no seat any more, or was checked in).
     */
    public Optional<SignUp> withdraw(UUID signUpId, CustomerId customer, Instant now) {
        return jdbc.sql("""
                        update mall_event_sign_up s set status = 'WITHDRAWN', released_at = :now
                        from (select id, status from mall_event_sign_up
                              where id = :id and customer_id = :customer for update) before
                        where s.id = before.id and s.status in ('PENDING_PAYMENT', 'CONFIRMED')
                          and s.checked_in_at is null
                        returning s.id, s.event_id, s.customer_id, before.status, s.order_id, s.created_at,
                            s.confirmed_at, s.released_at, s.reminded_at, s.checked_in_at, s.refunded
                        """)
                .param("id", signUpId).param("customer", customer.value()).param("now", utc(now))
                .query(SignUpRows::signUp).optional();
    }

    public void refunded(UUID signUpId) {
        jdbc.sql("update mall_event_sign_up set refunded = true where id = :id").param("id", signUpId).update();
    }

    /** Confirmed and not checked in yet → checked in now; false when it was not (the caller says why). */
    public boolean checkIn(UUID signUpId, UUID eventId, UUID staffId, Instant now) {
        return jdbc.sql("""
                        update mall_event_sign_up set checked_in_at = :now, checked_in_by = :staff
                        where id = :id and event_id = :event and status = 'CONFIRMED' and checked_in_at is null
                        """)
                .param("now", utc(now)).param("staff", staffId).param("id", signUpId).param("event", eventId)
                .update() == 1;
    }

    /**
     * Claims the reminders that are due, each once: the confirmed, not yet reminded sign-ups of scheduled events
     * starting within {@code lead} and not started, in one conditional update (rows another node is claiming are
     * skipped). Returns the sign-ups claimed.
     */
    public List<UUID> claimDueReminders(Instant now, Duration lead, int limit) {
        return jdbc.sql("""
                        update mall_event_sign_up set reminded_at = :now
                        where id in (select s.id from mall_event_sign_up s join mall_event e on e.id = s.event_id
                                     where s.status = 'CONFIRMED' and s.reminded_at is null and e.status = 'SCHEDULED'
                                       and e.starts_at <= :horizon and e.starts_at > :now
                                     order by e.starts_at limit :limit for update of s skip locked)
                          and reminded_at is null
                        returning id
                        """)
                .param("now", utc(now)).param("horizon", utc(now.plus(lead))).param("limit", limit)
                .query(UUID.class).list();
    }

    private static SignUp signUp(ResultSet rs, int row) throws SQLException {
        var order = rs.getObject("order_id", UUID.class);
        return new SignUp(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)), SignUpStatus.valueOf(rs.getString("status")),
                order == null ? null : new OrderId(order), EventRows.instant(rs, "created_at"),
                nullableInstant(rs, "confirmed_at"), nullableInstant(rs, "released_at"),
                nullableInstant(rs, "reminded_at"), nullableInstant(rs, "checked_in_at"), rs.getBoolean("refunded"));
    }
}
