package o2o.orders.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.Move;
import o2o.orders.Order;
import o2o.orders.OrderLine;
import o2o.orders.OrderStatus;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code customer_order} table: its one insert, the conditional updates that decide races by their count, and
 * its rows as {@link Order}s (with their lines).
 */
@Repository
public class OrderRows {

    private static final String INSERT = """
            insert into customer_order (id, merchant_id, store_id, customer_id, channel, status, subtotal_minor,
                discount_minor, total_minor, refunded_minor, currency, coupon_id, deal_id, quantity, created_at, pay_by,
                paid_at, points_used, points_minor)
            values (:id, :merchant, :store, :customer, :channel, :status, :subtotal, :discount, :total, 0, :currency,
                :coupon, :deal, :quantity, :createdAt, :payBy, :paidAt, :pointsUsed, :pointsMinor)
            """;
    private static final String COLUMNS = """
            id, merchant_id, store_id, customer_id, channel, status, subtotal_minor, discount_minor, total_minor,
            refunded_minor, currency, coupon_id, created_at, pay_by, paid_at, points_used, points_minor, offline_method, group_id
            """;

    /** The same columns of {@code customer_order o}, for a read joined with its lines. */
    private static final String QUALIFIED = Arrays.stream(COLUMNS.strip().split(",\\s*"))
            .map(column -> "o." + column).collect(Collectors.joining(", "));

    /** The status an order was in before a move, and whose it is. */
    public record MovedFrom(OrderStatus status, UUID merchantId) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final OrderLines lines;

    OrderRows(JdbcClient jdbc, NamedParameterJdbcTemplate batches, OrderLines lines) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.lines = lines;
    }

    /**
     * A new order, its lines and the first entry of its history ({@code reason}, at {@code at}), in one statement:
     * the lines come in as arrays, one per column; the foreign keys are checked when the whole statement is done.
     */
    public void place(Order order, String reason, Instant at) {
        var params = (MapSqlParameterSource) params(order);
        var orderLines = order.lines();
        params.addValue("lineNos", orderLines.stream().map(OrderLine::lineNo).toArray(Integer[]::new))
                .addValue("lineKinds", orderLines.stream().map(l -> l.kind().name()).toArray(String[]::new))
                .addValue("lineRefs", orderLines.stream().map(OrderLine::refId).toArray(UUID[]::new))
                .addValue("lineTitles", orderLines.stream().map(OrderLine::title).toArray(String[]::new))
                .addValue("lineUnits", orderLines.stream().map(l -> l.unitPrice().minor()).toArray(Long[]::new))
                .addValue("lineQuantities", orderLines.stream().map(OrderLine::quantity).toArray(Integer[]::new))
                .addValue("lineAmounts", orderLines.stream().map(l -> l.amount().minor()).toArray(Long[]::new))
                .addValue("reason", reason)
                .addValue("at", utc(at));
        jdbc.sql("with placed as (" + INSERT + "), lines as (" + OrderLines.INSERT_ALL + ") " + """
                        insert into order_transition (order_id, merchant_id, from_status, to_status, at, reason)
                        values (:id, :merchant, null, :status, :at, :reason)
                        """)
                .paramSource(params)
                .update();
    }

    /** Many new orders and their lines, in batches of the same statements. */
    public void insertAll(List<Order> orders) {
        batches.batchUpdate(INSERT, orders.stream().map(OrderRows::params).toArray(SqlParameterSource[]::new));
        lines.insertAll(orders);
    }

    public Optional<Order> find(UUID orderId) {
        return jdbc.sql("select " + QUALIFIED + ", " + OrderLines.LINE_COLUMNS + """
                         from customer_order o left join order_line l on l.order_id = o.id
                        where o.id = :id order by l.line_no
                        """)
                .param("id", orderId)
                .query(rs -> {
                    if (!rs.next()) return Optional.<Order>empty();
                    var order = order(rs, List.of());
                    var found = new ArrayList<OrderLine>();
                    do {
                        if (rs.getObject("line_no") != null) found.add(OrderLines.line(rs));
                    } while (rs.next());
                    return Optional.of(order.withLines(found));
                });
    }

    /** Many orders with their lines, in two reads; those not found are absent. */
    public List<Order> findAll(java.util.Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) return List.of();
        var linesOf = lines.ofAll(orderIds);
        return jdbc.sql("select " + COLUMNS + " from customer_order where id = any(:ids)")
                .param("ids", orderIds.toArray(UUID[]::new))
                .query((rs, row) -> order(rs, linesOf.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    /** The customer's latest hundred orders, newest first, with their lines: two reads. */
    public List<Order> ofCustomer(UUID customerId) {
        var orders = jdbc.sql("select " + COLUMNS + """
                         from customer_order where customer_id = :customer order by created_at desc limit 100
                        """)
                .param("customer", customerId)
                .query((rs, row) -> order(rs, List.of()))
                .list();
        var linesOf = lines.ofAll(orders.stream().map(order -> order.id().value()).toList());
        return orders.stream().map(order -> order.withLines(linesOf.getOrDefault(order.id().value(), List.of())))
                .toList();
    }

    /** The orders of a group, oldest first, with their lines. */
    public List<Order> ofGroup(UUID groupId) {
        var ids = jdbc.sql("select id from customer_order where group_id = :group")
                .param("group", groupId).query(UUID.class).list();
        return findAll(ids).stream().sorted(java.util.Comparator.comparing(o -> o.id().value())).toList();
    }

    /**
     * Puts the customer's unpaid orders, in no group yet, into the group; how many it put (fewer than asked: some
     * order was not the customer's, not unpaid or grouped already).
     */
    public int group(UUID groupId, UUID customerId, java.util.Collection<UUID> orderIds) {
        return jdbc.sql("""
                        update customer_order set group_id = :group
                        where id = any(:ids) and customer_id = :customer and status = 'PENDING_PAYMENT'
                          and group_id is null
                        """)
                .param("group", groupId).param("ids", orderIds.toArray(UUID[]::new)).param("customer", customerId)
                .update();
    }

    /** Orders whose time to pay is over at {@code now}, the oldest deadline first. */
    public List<UUID> overdue(Instant now, int limit) {
        return jdbc.sql("""
                        select id from customer_order where status = 'PENDING_PAYMENT' and pay_by <= :now
                        order by pay_by limit :limit
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Applies the move if the order is in one of the states it is allowed from; empty if it was not. */
    public Optional<MovedFrom> move(UUID orderId, Move move) {
        return jdbc.sql("""
                        update customer_order o set status = :to
                        from (select id, status from customer_order where id = :id for update) before
                        where o.id = before.id and before.status = any(:from)
                        returning before.status, o.merchant_id
                        """)
                .param("to", move.to().name())
                .param("id", orderId)
                .param("from", move.allowedFrom().stream().map(Enum::name).toArray(String[]::new))
                .query((rs, row) -> new MovedFrom(OrderStatus.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** {@link #move} to PAID with the time it was paid, in the same statement. */
    public Optional<MovedFrom> movePaid(UUID orderId, Move move, Instant at) {
        return jdbc.sql("""
                        update customer_order o set status = :to, paid_at = :at
                        from (select id, status from customer_order where id = :id for update) before
                        where o.id = before.id and before.status = any(:from)
                        returning before.status, o.merchant_id
                        """)
                .param("to", move.to().name())
                .param("at", utc(at))
                .param("id", orderId)
                .param("from", move.allowedFrom().stream().map(Enum::name).toArray(String[]::new))
                .query((rs, row) -> new MovedFrom(OrderStatus.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** Staff take the money of an unpaid order at the counter; false if it is not unpaid or was taken already. */
    public boolean takeAtCounter(UUID orderId, String method) {
        return jdbc.sql("""
                        update customer_order set offline_method = :method
                        where id = :id and status = 'PENDING_PAYMENT' and offline_method is null
                        """)
                .param("method", method).param("id", orderId).update() == 1;
    }

    /**
     * Adds {@code amount} to what was refunded of a PAID or PARTIALLY_REFUNDED order if it does not go over the total;
     * the status it then has, or empty if it was not refundable.
     */
    public Optional<OrderStatus> refund(UUID orderId, Money amount) {
        return jdbc.sql("""
                        update customer_order set refunded_minor = refunded_minor + :amount,
                            status = case when refunded_minor + :amount = total_minor then 'REFUNDED'
                                          else 'PARTIALLY_REFUNDED' end
                        where id = :id and status in ('PAID', 'PARTIALLY_REFUNDED')
                          and refunded_minor + :amount <= total_minor
                        returning status
                        """)
                .param("amount", amount.minor())
                .param("id", orderId)
                .query((rs, row) -> OrderStatus.valueOf(rs.getString(1)))
                .optional();
    }

    /**
     * The points' share of what has been refunded so far: the points used times the refunded part of the total, less
     * what went back before (the order's row is locked by the refund's update), so the shares add up to all of them.
     */
    public long pointsToGiveBack(UUID orderId) {
        return jdbc.sql("""
                        update customer_order o set points_returned = case when o.total_minor = 0 then o.points_used
                                else o.points_used * o.refunded_minor / o.total_minor end
                        from (select id, points_returned from customer_order where id = :id) before
                        where o.id = before.id
                        returning o.points_returned - before.points_returned
                        """)
                .param("id", orderId)
                .query(Long.class)
                .single();
    }

    /** A merged customer's orders become the target's. */
    public void moveCustomer(UUID sourceId, UUID targetId) {
        jdbc.sql("update customer_order set customer_id = :target where customer_id = :source")
                .param("target", targetId).param("source", sourceId).update();
    }

    public long completedCount(UUID merchantId) {
        return jdbc.sql("select count(*) from customer_order where merchant_id = :m and status = 'COMPLETED'")
                .param("m", merchantId).query(Long.class).single();
    }

    /** Brings the planner's statistics up to date after a bulk import. */
    public void analyze() {
        jdbc.sql("analyze customer_order").update();
    }

    /** {@code deal_id} and {@code quantity} are kept for a deal order, for reports that read them. */
    private static SqlParameterSource params(Order order) {
        var first = order.lines().isEmpty() ? null : order.lines().getFirst();
        boolean deal = first != null && first.kind() == LineKind.DEAL;
        return new MapSqlParameterSource()
                .addValue("id", order.id().value())
                .addValue("merchant", order.merchantId().value())
                .addValue("store", order.storeId() == null ? null : order.storeId().value(), Types.OTHER)
                .addValue("customer", order.customerId() == null ? null : order.customerId().value(), Types.OTHER)
                .addValue("channel", order.channel().name())
                .addValue("status", order.status().name())
                .addValue("subtotal", order.subtotal().minor())
                .addValue("discount", order.discount().minor())
                .addValue("total", order.total().minor())
                .addValue("currency", order.total().currency().getCurrencyCode())
                .addValue("coupon", order.couponId(), Types.OTHER)
                .addValue("deal", deal ? first.refId() : null, Types.OTHER)
                .addValue("quantity", deal ? first.quantity() : null, Types.INTEGER)
                .addValue("createdAt", utc(order.createdAt()))
                .addValue("payBy", utc(order.payBy()))
                .addValue("paidAt", order.paidAt() == null ? null : utc(order.paidAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("pointsUsed", order.pointsUsed())
                .addValue("pointsMinor", order.pointsValue().minor());
    }

    private static Order order(ResultSet rs, List<OrderLine> lines) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        var customer = rs.getObject("customer_id", UUID.class);
        var store = rs.getObject("store_id", UUID.class);
        return new Order(new OrderId(rs.getObject("id", UUID.class)),
                new MerchantId(rs.getObject("merchant_id", UUID.class)),
                customer == null ? null : new CustomerId(customer), Channel.valueOf(rs.getString("channel")),
                OrderStatus.valueOf(rs.getString("status")), lines,
                new Money(rs.getLong("subtotal_minor"), currency), new Money(rs.getLong("discount_minor"), currency),
                new Money(rs.getLong("total_minor"), currency), new Money(rs.getLong("refunded_minor"), currency),
                rs.getObject("coupon_id", UUID.class), instant(rs, "created_at"), instant(rs, "pay_by"),
                nullableInstant(rs, "paid_at"), rs.getLong("points_used"),
                new Money(rs.getLong("points_minor"), currency), store == null ? null : new StoreId(store),
                rs.getString("offline_method"), rs.getObject("group_id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
