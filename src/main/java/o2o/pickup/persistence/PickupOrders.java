package o2o.pickup.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.pickup.PickupStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pickup_order table: every move one conditional update on the statuses it comes from.
 */
@Repository
public class PickupOrders {

    /** A pick-up order's row. */
    public record PickupRow(UUID orderId, UUID merchantId, UUID storeId, PickupStatus status, boolean asap,
            Instant pickupAt, String note, @Nullable Integer number, @Nullable LocalDate numberDay, Instant placedAt,
            @Nullable Instant paidAt, @Nullable Instant readyAt, @Nullable Instant handedOverAt) {}

    /** Where an order that was just paid is to be collected. */
    public record PaidAt(UUID merchantId, UUID storeId) {}

    private static final String COLUMNS = """
            order_id, merchant_id, store_id, status, asap, pickup_at, note, number, number_day, placed_at, paid_at,
            ready_at, handed_over_at
            """;

    private final JdbcClient jdbc;

    PickupOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID orderId, UUID merchantId, UUID storeId, boolean asap, Instant pickupAt, String note,
            Instant now) {
        jdbc.sql("""
                        insert into pickup_order (order_id, merchant_id, store_id, status, asap, pickup_at, note,
                                                  placed_at)
                        values (:order, :merchant, :store, 'AWAITING_PAYMENT', :asap, :pickupAt, :note, :now)
                        """)
                .param("order", orderId)
                .param("merchant", merchantId)
                .param("store", storeId)
                .param("asap", asap)
                .param("pickupAt", utc(pickupAt))
                .param("note", note)
                .param("now", utc(now))
                .update();
    }

    public Optional<PickupRow> find(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from pickup_order where order_id = :order")
                .param("order", orderId)
                .query(PickupOrders::row)
                .optional();
    }

    public PickupStatus status(UUID orderId) {
        return PickupStatus.valueOf(jdbc.sql("select status from pickup_order where order_id = :order")
                .param("order", orderId).query(String.class).single());
    }

    /** A store's orders in these statuses by pick-up time, the first 200. */
    public List<PickupRow> queue(UUID merchantId, UUID storeId, Collection<PickupStatus> statuses) {
        return jdbc.sql("select " + COLUMNS + """
                         from pickup_order
                        where merchant_id = :merchant and store_id = :store and status = any(:statuses)
                        order by pickup_at, paid_at nulls last, order_id
                        limit 200
                        """)
                .param("merchant", merchantId)
                .param("store", storeId)
                .param("statuses", names(statuses))
                .query(PickupOrders::row)
                .list();
    }

    /** AWAITING_PAYMENT → PAID; empty when it had moved already. */
    public Optional<PaidAt> pay(UUID orderId, Instant at) {
        return jdbc.sql("""
                        update pickup_order set status = 'PAID', paid_at = :at
                        where order_id = :order and status = any(:from)
                        returning merchant_id, store_id
                        """)
                .param("at", utc(at))
                .param("order", orderId)
                .param("from", names(PickupStatus.PAID.reachedFrom()))
                .query((rs, row) -> new PaidAt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    public void numbered(UUID orderId, int number, LocalDate day) {
        jdbc.sql("update pickup_order set number = :number, number_day = :day where order_id = :order")
                .param("number", number)
                .param("day", day)
                .param("order", orderId)
                .update();
    }

    /** A move at the counter (READY, HANDED_OVER, REFUNDED) from the statuses it comes from; false when it is in none. */
    public boolean moveAtStore(UUID orderId, UUID merchantId, UUID storeId, PickupStatus to, Instant now) {
        return jdbc.sql("""
                        update pickup_order set status = :to,
                            ready_at = case when :to = 'READY' then :now else ready_at end,
                            handed_over_at = case when :to = 'HANDED_OVER' then :now else handed_over_at end
                        where order_id = :order and merchant_id = :merchant and store_id = :store
                          and status = any(:from)
                        """)
                .param("to", to.name())
                .param("now", utc(now))
                .param("order", orderId)
                .param("merchant", merchantId)
                .param("store", storeId)
                .param("from", names(to.reachedFrom()))
                .update() == 1;
    }

    /** AWAITING_PAYMENT → CANCELLED; nothing when it was paid or cancelled already. */
    public void cancel(UUID orderId) {
        jdbc.sql("update pickup_order set status = 'CANCELLED' where order_id = :order and status = any(:from)")
                .param("order", orderId)
                .param("from", names(PickupStatus.CANCELLED.reachedFrom()))
                .update();
    }

    private static String[] names(Collection<PickupStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PickupRow row(ResultSet rs, int row) throws SQLException {
        return new PickupRow(rs.getObject("order_id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), PickupStatus.valueOf(rs.getString("status")),
                rs.getBoolean("asap"), instant(rs, "pickup_at"), rs.getString("note"),
                rs.getObject("number", Integer.class), rs.getObject("number_day", LocalDate.class),
                instant(rs, "placed_at"), instant(rs, "paid_at"), instant(rs, "ready_at"),
                instant(rs, "handed_over_at"));
    }
}
