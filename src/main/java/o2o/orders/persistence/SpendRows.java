package o2o.orders.persistence;

import java.util.List;
import java.util.UUID;

import o2o.orders.CustomerSpend;
import o2o.orders.SpendWindow;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums of paid orders per customer over each customer's own window, for many customers in one statement. */
@Repository
public class SpendRows {

    private final JdbcClient jdbc;

    SpendRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Only the customers who paid any of the merchants anything in their window come back. */
    public List<CustomerSpend> within(java.util.Collection<MerchantId> merchants, List<SpendWindow> windows) {
        if (windows.isEmpty()) return List.of();
        return jdbc.sql("""
                        select w.customer_id, count(*) as orders, sum(o.total_minor - o.refunded_minor) as net
                          from unnest(cast(:customers as uuid[]), cast(:froms as timestamptz[]),
                                      cast(:tos as timestamptz[])) as w(customer_id, from_at, to_at)
                          join customer_order o on o.customer_id = w.customer_id and o.merchant_id = any(:merchants)
                                               and o.paid_at >= w.from_at and o.paid_at < w.to_at
                         where o.status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'COMPLETED')
                           and o.channel <> 'TOP_UP'
                         group by w.customer_id
                        """)
                .param("customers", windows.stream().map(w -> w.customer().value()).toArray(UUID[]::new))
                .param("froms", windows.stream().map(w -> w.from().toString()).toArray(String[]::new))
                .param("tos", windows.stream().map(w -> w.to().toString()).toArray(String[]::new))
                .param("merchants", merchants.stream().map(MerchantId::value).toArray(UUID[]::new))
                .query((rs, row) -> new CustomerSpend(new CustomerId(rs.getObject(1, UUID.class)), rs.getInt(2),
                        rs.getLong(3)))
                .list();
    }
}
