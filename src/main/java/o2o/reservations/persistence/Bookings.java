package o2o.reservations.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.reservations.CancelledBy;
import o2o.reservations.DepositOutcome;
import o2o.reservations.NewBooking;
import o2o.reservations.Reservation;
import o2o.reservations.ReservationStatus;
import o2o.reservations.persistence.Slot;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reservation table. Every change of a booking's state is one conditional update from the statuses the move
 * comes from ({@link ReservationStatus#reachedFrom()}), so of two racing changes one happens.
 */
@Repository
public class Bookings {

    private static final String COLUMNS = """
            id, merchant_id, store_id, customer_id, slot_date, slot_time, starts_at, table_type, party_size,
            contact_name, contact_phone, note, status, deposit_minor, currency, order_id, free_cancel_until, created_at,
            confirmed_at, cancelled_at, cancelled_by, reminded_at, seated_at, table_id, session_id, no_show_at,
            deposit_outcome
            """;

    private final JdbcClient jdbc;

    Bookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewBooking booking) {
        var request = booking.request();
        jdbc.sql("""
                        insert into reservation (id, merchant_id, store_id, customer_id, slot_date, slot_time,
                            starts_at, table_type, party_size, contact_name, contact_phone, note, status,
                            deposit_minor, currency, order_id, free_cancel_until, remind_at, reminded_at, created_at,
                            confirmed_at)
                        values (:id, :merchant, :store, :customer, :date, :time, :startsAt, :type, :party, :name,
                            :phone, :note, :status, :deposit, :currency, :order, :freeUntil, :remindAt, :remindedAt,
                            :now, :confirmedAt)
                        """)
                .param("id", booking.id()).param("merchant", booking.merchantId()).param("store", request.storeId())
                .param("customer", booking.customerId()).param("date", request.date()).param("time", request.time())
                .param("startsAt", utc(booking.startsAt())).param("type", booking.tableType())
                .param("party", request.partySize()).param("name", request.contactName())
                .param("phone", request.contactPhone().value()).param("note", request.note())
                .param("status", booking.status().name())
                .param("deposit", booking.deposit().minor())
                .param("currency", booking.deposit().currency().getCurrencyCode())
                .param("order", new SqlParameterValue(Types.OTHER, booking.orderId()))
                .param("freeUntil", utc(booking.freeCancelUntil()))
                .param("remindAt", utc(booking.remindAt()))
                .param("remindedAt", timestamp(booking.remindedAt()))
                .param("now", utc(booking.createdAt()))
                .param("confirmedAt", timestamp(booking.confirmedAt()))
                .update();
    }

    public Optional<Reservation> find(UUID reservationId) {
        return jdbc.sql("select " + COLUMNS + " from reservation where id = :id")
                .param("id", reservationId).query(Bookings::reservation).optional();
    }

    /** The customer's bookings, the latest slot first (the last 100). */
    public List<Reservation> ofCustomer(UUID customerId) {
        return jdbc.sql("select " + COLUMNS + " from reservation where customer_id = :c order by starts_at desc, id limit 100")
                .param("c", customerId).query(Bookings::reservation).list();
    }

    public List<Reservation> onDate(UUID merchantId, UUID storeId, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + """
                         from reservation where merchant_id = :m and store_id = :s and slot_date = :date
                        order by slot_time, created_at, id
                        """)
                .param("m", merchantId).param("s", storeId).param("date", date)
                .query(Bookings::reservation).list();
    }

    /** PENDING_DEPOSIT → CONFIRMED for the deposit's order; the booking's id, or empty when it had moved already. */
    public Optional<UUID> confirm(UUID orderId, Instant now) {
        return jdbc.sql("""
                        update reservation set status = 'CONFIRMED', confirmed_at = :now,
                            reminded_at = case when remind_at <= :now then :now end
                        where order_id = :order and status = any(:from) returning id
                        """)
                .param("order", orderId).param("now", utc(now))
                .param("from", names(ReservationStatus.CONFIRMED.reachedFrom()))
                .query(UUID.class).optional();
    }

    /** PENDING_DEPOSIT → EXPIRED for the deposit's order; the slot it held, or empty when it had moved already. */
    public Optional<Slot> expire(UUID orderId, Instant now) {
        return jdbc.sql("""
                        update reservation set status = 'EXPIRED', cancelled_at = :now
                        where order_id = :order and status = any(:from)
                        returning id, store_id, slot_date, slot_time, table_type
                        """)
                .param("order", orderId).param("now", utc(now))
                .param("from", names(ReservationStatus.EXPIRED.reachedFrom()))
                .query((rs, row) -> new Slot(rs.getObject("store_id", UUID.class),
                        rs.getObject("slot_date", LocalDate.class), rs.getObject("slot_time", LocalTime.class),
                        rs.getString("table_type")))
                .optional();
    }

    /** → CANCELLED from a cancellable status; the status it had, or empty when it was not cancellable. */
    public Optional<ReservationStatus> cancel(UUID reservationId, CancelledBy by, Instant now) {
        return jdbc.sql("""
                        update reservation r set status = 'CANCELLED', cancelled_at = :now, cancelled_by = :by
                        from (select id, status from reservation where id = :id for update) before
                        where r.id = before.id and before.status = any(:from)
                        returning before.status
                        """)
                .param("id", reservationId).param("now", utc(now)).param("by", by.value())
                .param("from", names(ReservationStatus.CANCELLED.reachedFrom()))
                .query((rs, row) -> ReservationStatus.valueOf(rs.getString(1))).optional();
    }

    /** CONFIRMED → SEATED at the table; false when it was not confirmed. */
    public boolean seat(UUID reservationId, UUID tableId, Instant now) {
        return jdbc.sql("""
                        update reservation set status = 'SEATED', seated_at = :now, table_id = :table
                        where id = :id and status = any(:from)
                        """)
                .param("id", reservationId).param("now", utc(now)).param("table", tableId)
                .param("from", names(ReservationStatus.SEATED.reachedFrom()))
                .update() == 1;
    }

    public void openedSession(UUID reservationId, UUID sessionId) {
        jdbc.sql("update reservation set session_id = :session where id = :id")
                .param("session", sessionId).param("id", reservationId).update();
    }

    /** CONFIRMED → NO_SHOW; false when it was not confirmed. */
    public boolean markNoShow(UUID reservationId, Instant now) {
        return jdbc.sql("""
                        update reservation set status = 'NO_SHOW', no_show_at = :now
                        where id = :id and status = any(:from)
                        """)
                .param("id", reservationId).param("now", utc(now))
                .param("from", names(ReservationStatus.NO_SHOW.reachedFrom()))
                .update() == 1;
    }

    public void settled(UUID reservationId, DepositOutcome outcome) {
        jdbc.sql("update reservation set deposit_outcome = :outcome where id = :id")
                .param("outcome", outcome.name()).param("id", reservationId).update();
    }

    /**
     * Claims the reminders that are due, each once: one conditional update (locked rows that another node is claiming
     * are skipped). Returns the bookings claimed.
     */
    public List<UUID> claimDueReminders(Instant now, int limit) {
        return jdbc.sql("""
                        update reservation set reminded_at = :now
                        where id in (select id from reservation
                                     where status = 'CONFIRMED' and reminded_at is null and remind_at <= :now
                                       and starts_at > :now
                                     order by remind_at limit :limit for update skip locked)
                          and reminded_at is null
                        returning id
                        """)
                .param("now", utc(now)).param("limit", limit)
                .query(UUID.class).list();
    }

    private static SqlParameterValue timestamp(@Nullable Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : utc(instant));
    }

    private static String[] names(Collection<ReservationStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    private static Reservation reservation(ResultSet rs, int row) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        var cancelledBy = rs.getString("cancelled_by");
        var outcome = rs.getString("deposit_outcome");
        return new Reservation(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("slot_date", LocalDate.class), rs.getObject("slot_time", LocalTime.class),
                instant(rs, "starts_at"), rs.getString("table_type"), rs.getInt("party_size"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("note"),
                ReservationStatus.valueOf(rs.getString("status")), new Money(rs.getLong("deposit_minor"), currency),
                rs.getObject("order_id", UUID.class), instant(rs, "free_cancel_until"), instant(rs, "created_at"),
                instant(rs, "confirmed_at"), instant(rs, "cancelled_at"),
                cancelledBy == null ? null : CancelledBy.of(cancelledBy), instant(rs, "reminded_at"),
                instant(rs, "seated_at"), rs.getObject("table_id", UUID.class), rs.getObject("session_id", UUID.class),
                instant(rs, "no_show_at"), outcome == null ? null : DepositOutcome.valueOf(outcome));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
