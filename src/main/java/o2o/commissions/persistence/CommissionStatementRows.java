package o2o.commissions.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Statements read from the charges (by the day they were charged) and the reversals (by the day they were given
 * back), days in Shanghai, grouped as each reader needs.
 */
@Repository
public class CommissionStatementRows {

    /** A group's figures: null keys are those the group does not split by. */
    public record Row(@Nullable LocalDate day, @Nullable String taker, @Nullable UUID merchantId, long orders,
            long gross, long charged, long reversed) {}

    /** How to group: the key columns, in the order day, taker, merchant, each the same in both tables. */
    public enum Grouping {
        /** One merchant's statement: per day and taker. */
        DAY_AND_TAKER("day, taker", true, true, false),
        /** What a taker earned: per merchant. */
        MERCHANT("merchant_id", false, false, true),
        /** The operator's list: per merchant and taker. */
        MERCHANT_AND_TAKER("taker, merchant_id", false, true, true);

        final String keys;
        final boolean day;
        final boolean taker;
        final boolean merchant;

        Grouping(String keys, boolean day, boolean taker, boolean merchant) {
            this.keys = keys;
            this.day = day;
            this.taker = taker;
            this.merchant = merchant;
        }
    }

    /** Whose charges: a merchant's own, a taker merchant's, or everyone's. */
    public enum Whose {
        MERCHANT("merchant_id = :id"), TAKER("taker_merchant_id = :id"), ALL("true");

        final String filter;

        Whose(String filter) {
            this.filter = filter;
        }
    }

    private final JdbcClient jdbc;

    CommissionStatementRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Charged and reversed in {@code [from, to)}, grouped; every group with something in it. */
    public List<Row> figures(Whose whose, @Nullable UUID id, Grouping grouping, Instant from, Instant to,
            String zone) {
        var sql = """
                with c as (select %1$s, count(*) as orders, sum(order_total_minor) as gross,
                                  sum(commission_minor) as charged
                           from (select (charged_at at time zone :zone)::date as day, * from commission_charge
                                 where %2$s and charged_at >= :from and charged_at < :to) x
                           group by %1$s),
                     r as (select %1$s, sum(amount_minor) as reversed
                           from (select (at at time zone :zone)::date as day, * from commission_reversal
                                 where %2$s and at >= :from and at < :to) x
                           group by %1$s)
                select %1$s, coalesce(c.orders, 0), coalesce(c.gross, 0), coalesce(c.charged, 0),
                       coalesce(r.reversed, 0)
                from c full join r using (%1$s)
                order by %1$s
                """.formatted(grouping.keys, whose.filter);
        var spec = jdbc.sql(sql).param("zone", zone);
        if (id != null) spec = spec.param("id", id);
        return spec.param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> {
                    int i = 1;
                    var day = grouping.day ? rs.getObject(i++, LocalDate.class) : null;
                    var taker = grouping.taker ? rs.getString(i++) : null;
                    var merchant = grouping.merchant ? rs.getObject(i++, UUID.class) : null;
                    return new Row(day, taker, merchant, rs.getLong(i), rs.getLong(i + 1), rs.getLong(i + 2),
                            rs.getLong(i + 3));
                })
                .list();
    }

    /** A merchant's orders charged per day (an order charged by two takers counts once), and their gross. */
    public List<Row> ordersPerDay(UUID merchantId, Instant from, Instant to, String zone) {
        return jdbc.sql("""
                        select day, count(*), sum(total) from (
                            select distinct on (order_id) order_id, order_total_minor as total,
                                   (charged_at at time zone :zone)::date as day
                            from commission_charge
                            where merchant_id = :id and charged_at >= :from and charged_at < :to) o
                        group by day order by day
                        """)
                .param("zone", zone).param("id", merchantId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), null, null, rs.getLong(2), rs.getLong(3),
                        0, 0))
                .list();
    }
}
