package o2o.orders;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.shared.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for bulk history: completed orders in batched inserts (a million in about a minute). */
@Service
public class OrderImport {

    private static final int BATCH = 10_000;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    OrderImport(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** Returns the new orders' ids, in the order given. */
    @Transactional
    public List<UUID> importCompleted(List<ImportedOrder> orders) {
        record Row(UUID id, ImportedOrder order) {}
        var rows = new ArrayList<Row>(orders.size());
        for (var order : orders) rows.add(new Row(Ids.next(), order));
        for (int from = 0; from < rows.size(); from += BATCH) {
            var chunk = rows.subList(from, Math.min(from + BATCH, rows.size()));
            template.batchUpdate("""
                    insert into customer_order (id, merchant_id, customer_id, channel, status, subtotal_minor,
                        discount_minor, total_minor, refunded_minor, currency, deal_id, quantity, created_at, pay_by,
                        paid_at)
                    values (?, ?, ?, 'DEAL', 'COMPLETED', ?, 0, ?, 0, ?, ?, ?, ?, ?, ?)
                    """, chunk, chunk.size(), (ps, row) -> {
                var o = row.order();
                long total = o.unitPrice().times(o.quantity()).minor();
                var paid = Timestamp.from(o.paidAt());
                ps.setObject(1, row.id());
                ps.setObject(2, o.merchantId());
                ps.setObject(3, o.customerId());
                ps.setLong(4, total);
                ps.setLong(5, total);
                ps.setString(6, o.unitPrice().currency().getCurrencyCode());
                ps.setObject(7, o.dealId());
                ps.setInt(8, o.quantity());
                ps.setTimestamp(9, paid);
                ps.setTimestamp(10, paid);
                ps.setTimestamp(11, paid);
            });
            template.batchUpdate("""
                    insert into order_line (order_id, line_no, merchant_id, kind, ref_id, title, unit_price_minor,
                                            quantity, amount_minor)
                    values (?, 1, ?, 'DEAL', ?, ?, ?, ?, ?)
                    """, chunk, chunk.size(), (ps, row) -> {
                var o = row.order();
                ps.setObject(1, row.id());
                ps.setObject(2, o.merchantId());
                ps.setObject(3, o.dealId());
                ps.setString(4, o.title());
                ps.setLong(5, o.unitPrice().minor());
                ps.setInt(6, o.quantity());
                ps.setLong(7, o.unitPrice().times(o.quantity()).minor());
            });
        }
        if (orders.size() >= 1000) jdbc.sql("analyze customer_order").update();
        return rows.stream().map(Row::id).toList();
    }

    @Transactional(readOnly = true)
    public long completedCount(UUID merchantId) {
        return jdbc.sql("select count(*) from customer_order where merchant_id = :m and status = 'COMPLETED'")
                .param("m", merchantId).query(Long.class).single();
    }
}
