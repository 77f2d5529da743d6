package o2o.insights.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import o2o.insights.Platform;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of the operator's dashboard: every merchant's rollups over a range of days. */
@Repository
public class PlatformFigures {

    private final JdbcClient jdbc;

    PlatformFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Platform.Totals totals(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select s.orders, s.gmv, s.refunded, s.merchants, s.stores,
                          (select coalesce(sum(new_members), 0) from insights_member_day
                           where day between :from and :to) as new_members,
                          (select coalesce(sum(redemptions), 0) from insights_redemption_day
                           where day between :from and :to) as redemptions
                        from (select coalesce(sum(orders), 0) as orders, coalesce(sum(gross_minor), 0) as gmv,
                                     coalesce(sum(refunded_minor), 0) as refunded,
                                     count(distinct merchant_id) filter (where orders > 0) as merchants,
                                     count(distinct store_id) filter (where orders > 0 and store_id <> :none)
                                         as stores
                              from insights_sales_day where day between :from and :to) s
                        """)
                .param("from", from).param("to", to).param("none", Rollups.NO_STORE)
                .query((rs, row) -> new Platform.Totals(rs.getLong("orders"), rs.getLong("gmv"),
                        rs.getLong("refunded"), rs.getLong("merchants"), rs.getLong("stores"),
                        rs.getLong("new_members"), rs.getLong("redemptions")))
                .single();
    }

    /** By city or by channel: the column is chosen here, never from the caller's text. */
    public List<Platform.Split> split(boolean byCity, LocalDate from, LocalDate to) {
        var column = byCity ? "city" : "channel";
        return jdbc.sql("""
                        select %1$s, sum(orders), sum(gross_minor), sum(refunded_minor) from insights_sales_day
                        where day between :from and :to group by %1$s order by sum(gross_minor) desc, %1$s
                        """.formatted(column))
                .param("from", from).param("to", to)
                .query((rs, row) -> new Platform.Split(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4)))
                .list();
    }

    /** Merchants whose name contains {@code q} (any case), after the cursor's merchant, with their figures. */
    public List<Platform.MerchantRow> merchants(@Nullable String q, @Nullable UUID after, int limit, LocalDate from,
            LocalDate to) {
        var pattern = q == null || q.isBlank() ? null
                : "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        select m.merchant_id, m.name,
                          coalesce((select sum(orders) from insights_sales_day s
                                    where s.merchant_id = m.merchant_id and s.day between :from and :to), 0),
                          coalesce((select sum(gross_minor) from insights_sales_day s
                                    where s.merchant_id = m.merchant_id and s.day between :from and :to), 0),
                          coalesce((select sum(refunded_minor) from insights_sales_day s
                                    where s.merchant_id = m.merchant_id and s.day between :from and :to), 0),
                          coalesce((select sum(redemptions) from insights_redemption_day r
                                    where r.merchant_id = m.merchant_id and r.day between :from and :to), 0),
                          coalesce((select sum(new_members) from insights_member_day d
                                    where d.merchant_id = m.merchant_id and d.day between :from and :to), 0)
                        from insights_merchant m
                        where (cast(:pattern as text) is null or lower(m.name) like cast(:pattern as text))
                          and (cast(:after as uuid) is null or m.merchant_id > cast(:after as uuid))
                        order by m.merchant_id limit :limit
                        """)
                .param("pattern", pattern).param("after", after).param("limit", limit)
                .param("from", from).param("to", to)
                .query((rs, row) -> new Platform.MerchantRow(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }
}
