package o2o.campaigns.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import o2o.campaigns.Figures;
import o2o.campaigns.Funnel;
import o2o.campaigns.ResultsBy;
import o2o.campaigns.ResultsPeriod;
import o2o.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A campaign's results, read from its scans and the attribution projection over a period. The breakdown's column is
 * one of a fixed few expressions chosen by {@link ResultsBy}, never the caller's text.
 */
@Repository
public class ResultRows {

    private static final String SHANGHAI_DAY = "to_char(%s at time zone 'Asia/Shanghai', 'YYYY-MM-DD')";

    private final JdbcClient jdbc;

    ResultRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The attributed facts by key (no scans yet), in the key's order: the campaign's, at whichever merchant they were
     * (a group campaign's are at the group's merchants).
     */
    public Map<String, Figures> facts(UUID campaignId, ResultsPeriod period, ResultsBy by) {
        var key = switch (by) {
            case CODE -> "t.code";
            case CHANNEL -> "t.channel";
            case STORE -> "cast(coalesce(a.store_id, t.store_id) as text)";
            case DAY -> SHANGHAI_DAY.formatted("a.occurred_at");
        };
        var figures = new LinkedHashMap<String, Figures>();
        jdbc.sql("select coalesce(" + key + ", '') as k, " + """
                               count(*) filter (where a.kind = 'ORDER') as orders,
                               count(*) filter (where a.kind = 'REDEMPTION' and a.reversed_at is null) as redemptions,
                               count(*) filter (where a.kind = 'MEMBERSHIP') as members,
                               count(*) filter (where a.kind = 'TABLE_VISIT') as visits,
                               coalesce(sum(a.amount_minor) filter (where a.kind in ('ORDER', 'REFUND')), 0) as net,
                               coalesce(sum(a.discount_minor) filter (where a.kind = 'ORDER'), 0) as discount
                        from attribution a left join tracking_code t on t.id = a.code_id
                        where a.campaign_id = :campaign
                          and a.occurred_at >= :start and a.occurred_at < :end
                        group by 1 order by 1
                        """)
                .param("campaign", campaignId)
                .param("start", Timestamps.utc(period.start())).param("end", Timestamps.utc(period.end()))
                .query((rs, row) -> new Figures(rs.getString("k"), 0, 0, rs.getLong("orders"),
                        rs.getLong("redemptions"), rs.getLong("members"), rs.getLong("visits"), rs.getLong("net"),
                        rs.getLong("discount")))
                .list().forEach(f -> figures.put(f.key(), f));
        return figures;
    }

    /** A key's scans and the distinct visitors who made them. */
    public record ScanCount(long scans, long visitors) {}

    /** Scans and distinct visitors by key. */
    public Map<String, ScanCount> scans(UUID merchantId, UUID campaignId, ResultsPeriod period, ResultsBy by) {
        var key = switch (by) {
            case CODE -> "t.code";
            case CHANNEL -> "t.channel";
            case STORE -> "cast(t.store_id as text)";
            case DAY -> SHANGHAI_DAY.formatted("s.scanned_at");
        };
        var counts = new LinkedHashMap<String, ScanCount>();
        jdbc.sql("select coalesce(" + key + ", '') as k, count(*) as scans, count(distinct s.visitor_id) as visitors "
                        + """
                        from campaign_scan s join tracking_code t on t.merchant_id = s.merchant_id and t.id = s.code_id
                        where s.campaign_id = :campaign and s.merchant_id = :merchant
                          and s.scanned_at >= :start and s.scanned_at < :end
                        group by 1 order by 1
                        """)
                .param("campaign", campaignId).param("merchant", merchantId)
                .param("start", Timestamps.utc(period.start())).param("end", Timestamps.utc(period.end()))
                .query((rs, row) -> Map.entry(rs.getString("k"), new ScanCount(rs.getLong("scans"),
                        rs.getLong("visitors"))))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * The funnel: scans, visitors, visitors bound to a customer, attributed orders, those not wholly refunded, and
     * redemptions.
     */
    public Funnel funnel(UUID merchantId, UUID campaignId, ResultsPeriod period) {
        return jdbc.sql("""
                        with scans as (
                            select count(*) as scans, count(distinct visitor_id) as visitors,
                                   count(distinct visitor_id) filter (where customer_id is not null) as sign_ins
                            from campaign_scan
                            where campaign_id = :campaign and merchant_id = :merchant
                              and scanned_at >= :start and scanned_at < :end
                        ), orders as (
                            select o.order_id, o.amount_minor + coalesce((select sum(r.amount_minor) from attribution r
                                where r.kind = 'REFUND' and r.order_id = o.order_id), 0) as net
                            from attribution o
                            where o.kind = 'ORDER' and o.campaign_id = :campaign
                              and o.occurred_at >= :start and o.occurred_at < :end
                        )
                        select s.scans, s.visitors, s.sign_ins,
                               (select count(*) from orders) as orders,
                               (select count(*) from orders where net > 0) as paid,
                               (select count(*) from attribution a where a.kind = 'REDEMPTION' and a.reversed_at is null
                                   and a.campaign_id = :campaign
                                   and a.occurred_at >= :start and a.occurred_at < :end) as redeemed
                        from scans s
                        """)
                .param("campaign", campaignId).param("merchant", merchantId)
                .param("start", Timestamps.utc(period.start())).param("end", Timestamps.utc(period.end()))
                .query((rs, row) -> new Funnel(rs.getLong("scans"), rs.getLong("visitors"), rs.getLong("sign_ins"),
                        rs.getLong("orders"), rs.getLong("paid"), rs.getLong("redeemed")))
                .single();
    }
}
