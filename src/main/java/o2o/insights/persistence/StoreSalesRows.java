package o2o.insights.persistence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import o2o.insights.SalesChannel;
import o2o.insights.StoreSales;
import o2o.shared.MerchantId;
import o2o.shared.StoreId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Several merchants' daily sales rollups added up by merchant, store and channel. */
@Repository
public class StoreSalesRows {

    private final JdbcClient jdbc;

    StoreSalesRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoreSales.Row> of(Collection<MerchantId> merchants, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select merchant_id, store_id, channel, sum(orders) as orders, sum(gross_minor) as gross,
                               sum(refunded_minor) as refunded
                          from insights_sales_day
                         where merchant_id = any(:merchants) and day between :from and :to
                         group by merchant_id, store_id, channel
                         order by merchant_id, store_id, channel
                        """)
                .param("merchants", merchants.stream().map(MerchantId::value).toArray(UUID[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> new StoreSales.Row(new MerchantId(rs.getObject("merchant_id", UUID.class)),
                        new StoreId(rs.getObject("store_id", UUID.class)), SalesChannel.valueOf(rs.getString("channel")),
                        rs.getLong("orders"), rs.getLong("gross"), rs.getLong("refunded")))
                .list();
    }
}
