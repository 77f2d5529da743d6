package o2o.orders.persistence;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import o2o.orders.LineKind;
import o2o.orders.Order;
import o2o.orders.OrderLine;
import o2o.shared.Money;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code order_line} table: an order's lines, numbered from 1. */
@Repository
public class OrderLines {

    private static final String INSERT = """
            insert into order_line (order_id, line_no, merchant_id, kind, ref_id, title, unit_price_minor, quantity,
                                    amount_minor)
            values (:order, :no, :merchant, :kind, :ref, :title, :unit, :quantity, :amount)
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    OrderLines(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * An order's lines from arrays, one per column ({@code :lineNos}, {@code :lineKinds}, …), for {@code :id} of
     * {@code :merchant}: a part of {@link OrderRows#place}'s one statement.
     */
    static final String INSERT_ALL = """
            insert into order_line (order_id, line_no, merchant_id, kind, ref_id, title, unit_price_minor, quantity,
                                    amount_minor)
            select :id, l.no, :merchant, l.kind, l.ref, l.title, l.unit, l.quantity, l.amount
            from unnest(cast(:lineNos as int[]), cast(:lineKinds as text[]), cast(:lineRefs as uuid[]),
                        cast(:lineTitles as text[]), cast(:lineUnits as bigint[]), cast(:lineQuantities as int[]),
                        cast(:lineAmounts as bigint[])) as l(no, kind, ref, title, unit, quantity, amount)
            """;

    void insertAll(List<Order> orders) {
        batches.batchUpdate(INSERT, orders.stream()
                .flatMap(order -> order.lines().stream().map(line -> params(order, line)))
                .toArray(SqlParameterSource[]::new));
    }

    /** The lines of many orders in one read, by order, each in its order; an order without lines is absent. */
    public java.util.Map<UUID, List<OrderLine>> ofAll(java.util.Collection<UUID> orderIds) {
        var byOrder = new java.util.HashMap<UUID, List<OrderLine>>();
        if (orderIds.isEmpty()) return byOrder;
        jdbc.sql("""
                        select l.order_id, l.line_no, l.kind, l.ref_id, l.title, l.unit_price_minor, l.quantity,
                               l.amount_minor, o.currency
                        from order_line l join customer_order o on o.id = l.order_id
                        where l.order_id = any(:orders) order by l.order_id, l.line_no
                        """)
                .param("orders", orderIds.toArray(UUID[]::new))
                .query((rs, row) -> {
                    byOrder.computeIfAbsent(rs.getObject("order_id", UUID.class), o -> new java.util.ArrayList<>())
                            .add(line(rs));
                    return row;
                })
                .list();
        return byOrder;
    }

    /** The order's lines, in their order. */
    public List<OrderLine> of(UUID orderId) {
        return jdbc.sql("""
                        select l.line_no, l.kind, l.ref_id, l.title, l.unit_price_minor, l.quantity, l.amount_minor,
                               o.currency
                        from order_line l join customer_order o on o.id = l.order_id
                        where l.order_id = :order order by l.line_no
                        """)
                .param("order", orderId)
                .query((rs, row) -> line(rs))
                .list();
    }

    /** A line's columns as {@link #line} reads them (beside its order's currency), for a read with its order. */
    static final String LINE_COLUMNS =
            "l.line_no, l.kind, l.ref_id, l.title, l.unit_price_minor, l.quantity, l.amount_minor";

    static OrderLine line(java.sql.ResultSet rs) throws java.sql.SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        return new OrderLine(rs.getInt("line_no"), LineKind.valueOf(rs.getString("kind")),
                rs.getObject("ref_id", UUID.class), rs.getString("title"),
                new Money(rs.getLong("unit_price_minor"), currency), rs.getInt("quantity"),
                new Money(rs.getLong("amount_minor"), currency));
    }

    private static SqlParameterSource params(Order order, OrderLine line) {
        return new MapSqlParameterSource()
                .addValue("order", order.id().value())
                .addValue("no", line.lineNo())
                .addValue("merchant", order.merchantId().value())
                .addValue("kind", line.kind().name())
                .addValue("ref", line.refId())
                .addValue("title", line.title())
                .addValue("unit", line.unitPrice().minor())
                .addValue("quantity", line.quantity())
                .addValue("amount", line.amount().minor());
    }
}
