package o2o.delivery.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery figures, read straight from delivery_order: one query, grouped by store and local day, by store, by
 * day and over everything (grouping sets), so each group's percentiles are its own and not an average of days.
 */
@Repository
public class FigureRows {

    /**
     * One group's figures. {@code storeId} null: all the stores asked for; {@code day} null: the whole period.
     *
     * @param paid orders paid in the group
     * @param delivered of those, delivered
     * @param onTime of those, delivered at or before the promised time
     * @param p50Minutes median minutes from paid to delivered (null: nothing delivered)
     * @param feesMinor fees kept: every paid order's fee but those refunded in full (cancelled, or returned other than
     *     for a customer nobody could reach)
     * @param carried orders that left with a courier (picked up), what the courier cost is spread over
     * @param costMinor what the couriers of the carried orders cost
     */
    public record Row(@Nullable UUID storeId, @Nullable LocalDate day, long paid, long delivered, long onTime,
            @Nullable Double p50Minutes, @Nullable Double p90Minutes, long feesMinor, long carried, long costMinor,
            long cancelled, long returned) {}

    private final JdbcClient jdbc;

    FigureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The merchant's orders paid in [from, until) at these stores, days counted in {@code zone}. */
    public List<Row> figures(UUID merchantId, Collection<UUID> storeIds, Instant from, Instant until, String zone) {
        return jdbc.sql("""
                        with paid as (
                            select store_id, (paid_at at time zone :zone)::date as day, status, fee_minor, cost_minor,
                                   problem, picked_up_at, delivered_at, promised_at,
                                   extract(epoch from delivered_at - paid_at) / 60.0 as minutes
                              from delivery_order
                             where merchant_id = :merchant and store_id = any(:stores)
                               and paid_at >= :from and paid_at < :until
                        )
                        select store_id, day, grouping(store_id) as all_stores, grouping(day) as all_days,
                               count(*) as paid,
                               count(*) filter (where status = 'DELIVERED') as delivered,
                               count(*) filter (where status = 'DELIVERED' and delivered_at <= promised_at) as on_time,
                               percentile_cont(0.5) within group (order by minutes)
                                   filter (where status = 'DELIVERED') as p50,
                               percentile_cont(0.9) within group (order by minutes)
                                   filter (where status = 'DELIVERED') as p90,
                               coalesce(sum(fee_minor) filter (where status <> 'CANCELLED' and not (
                                   status = 'RETURNED' and coalesce(problem, '') <> 'CUSTOMER_UNREACHABLE')), 0) as fees,
                               count(*) filter (where picked_up_at is not null) as carried,
                               coalesce(sum(cost_minor) filter (where picked_up_at is not null), 0) as cost,
                               count(*) filter (where status = 'CANCELLED') as cancelled,
                               count(*) filter (where status = 'RETURNED') as returned
                          from paid
                         group by grouping sets ((store_id, day), (store_id), (day), ())
                         order by all_days desc, day, all_stores, store_id
                        """)
                .param("zone", zone)
                .param("merchant", merchantId)
                .param("stores", storeIds.toArray(UUID[]::new))
                .param("from", utc(from))
                .param("until", utc(until))
                .query(FigureRows::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var day = rs.getObject("day", LocalDate.class);
        return new Row(rs.getInt("all_stores") == 1 ? null : rs.getObject("store_id", UUID.class),
                rs.getInt("all_days") == 1 ? null : day, rs.getLong("paid"), rs.getLong("delivered"),
                rs.getLong("on_time"), nullableDouble(rs, "p50"), nullableDouble(rs, "p90"), rs.getLong("fees"),
                rs.getLong("carried"), rs.getLong("cost"), rs.getLong("cancelled"), rs.getLong("returned"));
    }

    private static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
