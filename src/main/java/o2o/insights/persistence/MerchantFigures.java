package o2o.insights.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import o2o.insights.Dashboard.ChannelSales;
import o2o.insights.Dashboard.DayChannel;
import o2o.insights.Dashboard.HourOrders;
import o2o.insights.Dashboard.TopItem;
import o2o.insights.DayCustomers;
import o2o.insights.Figures;
import o2o.insights.SalesChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads of a merchant's dashboard over the rollups. {@code stores} limits the store-bound figures (sales, items,
 * hours, redemptions) to those stores; null means the whole merchant, sales for no store in particular included.
 * Members, customers, stored value and points belong to the merchant, not a store.
 */
@Repository
public class MerchantFigures {

    private static final String SCOPE = """
            merchant_id = :m and day between :from and :to
            and (cast(:stores as uuid[]) is null or store_id = any(cast(:stores as uuid[])))
            """;

    private final JdbcClient jdbc;

    MerchantFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of a period; its distinct customers are counted from the days' customer sets. */
    public Figures figures(UUID merchant, LocalDate from, LocalDate to, UUID @Nullable [] stores,
            DayCustomers.Counts customers) {
        return jdbc.sql("""
                        select
                          (select coalesce(sum(orders), 0) from insights_sales_day where %1$s) as orders,
                          (select coalesce(sum(gross_minor), 0) from insights_sales_day where %1$s) as gross,
                          (select coalesce(sum(refunded_minor), 0) from insights_sales_day where %1$s) as refunded,
                          (select coalesce(sum(discount_minor), 0) from insights_sales_day where %1$s) as discount,
                          (select coalesce(sum(redemptions), 0) from insights_redemption_day where %1$s) as redemptions,
                          (select coalesce(sum(new_members), 0) from insights_member_day
                           where merchant_id = :m and day between :from and :to) as new_members,
                          (select coalesce(sum(sold_minor), 0) from insights_stored_value_day
                           where merchant_id = :m and day between :from and :to) as sv_sold,
                          (select coalesce(sum(spent_minor), 0) from insights_stored_value_day
                           where merchant_id = :m and day between :from and :to) as sv_spent,
                          (select coalesce(sum(issued), 0) from insights_points_day
                           where merchant_id = :m and day between :from and :to) as issued,
                          (select coalesce(sum(redeemed), 0) from insights_points_day
                           where merchant_id = :m and day between :from and :to) as redeemed
                        """.formatted(SCOPE))
                .param("m", merchant).param("from", from).param("to", to).param("stores", stores)
                .query((rs, row) -> new Figures(rs.getLong("orders"), rs.getLong("gross"), rs.getLong("refunded"),
                        rs.getLong("discount"), rs.getLong("redemptions"), rs.getLong("new_members"),
                        customers.customers(), customers.returning(), customers.repeating(),
                        rs.getLong("sv_sold"), rs.getLong("sv_spent"), rs.getLong("issued"), rs.getLong("redeemed")))
                .single();
    }

    public List<DayChannel> byDay(UUID merchant, LocalDate from, LocalDate to, UUID @Nullable [] stores) {
        return jdbc.sql("""
                        select day, channel, sum(orders), sum(gross_minor), sum(refunded_minor)
                        from insights_sales_day where %s
                        group by day, channel order by day, channel
                        """.formatted(SCOPE))
                .param("m", merchant).param("from", from).param("to", to).param("stores", stores)
                .query((rs, row) -> new DayChannel(rs.getObject(1, LocalDate.class),
                        SalesChannel.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    public List<ChannelSales> byChannel(UUID merchant, LocalDate from, LocalDate to, UUID @Nullable [] stores) {
        return jdbc.sql("""
                        select channel, sum(orders), sum(gross_minor), sum(refunded_minor)
                        from insights_sales_day where %s
                        group by channel order by sum(gross_minor) desc, channel
                        """.formatted(SCOPE))
                .param("m", merchant).param("from", from).param("to", to).param("stores", stores)
                .query((rs, row) -> new ChannelSales(SalesChannel.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4)))
                .list();
    }

    public List<TopItem> topItems(UUID merchant, LocalDate from, LocalDate to, UUID @Nullable [] stores, int limit) {
        return jdbc.sql("""
                        select title, sum(quantity), sum(amount_minor)
                        from insights_item_day where %s
                        group by title order by sum(amount_minor) desc, sum(quantity) desc, title limit :limit
                        """.formatted(SCOPE))
                .param("m", merchant).param("from", from).param("to", to).param("stores", stores)
                .param("limit", limit)
                .query((rs, row) -> new TopItem(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    public List<HourOrders> hours(UUID merchant, LocalDate from, LocalDate to, UUID @Nullable [] stores) {
        return jdbc.sql("""
                        select hour, sum(orders) from insights_sales_hour where %s group by hour order by hour
                        """.formatted(SCOPE))
                .param("m", merchant).param("from", from).param("to", to).param("stores", stores)
                .query((rs, row) -> new HourOrders(rs.getInt(1), rs.getLong(2)))
                .list();
    }
}
