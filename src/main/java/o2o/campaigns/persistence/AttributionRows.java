package o2o.campaigns.persistence;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.campaigns.AttributedFact;
import o2o.campaigns.Attribution;
import o2o.campaigns.AttributionRule;
import o2o.campaigns.Campaign;
import o2o.campaigns.RecentScan;
import o2o.shared.Ids;
import o2o.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code attribution} projection, one row per fact, and the reads that decide a fact: the customer's recent scans
 * at the fact's merchant and the campaign of a table's tracking code.
 */
@Repository
public class AttributionRows {

    /** How many of a customer's scans within the longest window are weighed; the latest decides. */
    private static final int SCANS_WEIGHED = 20;

    /** The attribution an order was given, for its refunds. */
    public record OrderAttribution(Attribution attribution, @Nullable UUID storeId, @Nullable String orderChannel) {}

    private final JdbcClient jdbc;

    AttributionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the fact was attributed already (a redelivered event). */
    public boolean insertOnce(AttributedFact fact) {
        var a = fact.attribution();
        return jdbc.sql("""
                        insert into attribution (id, kind, fact_id, merchant_id, customer_id, campaign_id, code_id, rule,
                            amount_minor, discount_minor, currency, order_id, order_channel, store_id, occurred_at)
                        values (:id, :kind, :fact, :merchant, :customer, :campaign, :code, :rule, :amount, :discount,
                            :currency, :order, :channel, :store, :at)
                        on conflict (kind, fact_id, merchant_id) do nothing
                        """)
                .param("id", Ids.next()).param("kind", fact.kind().name()).param("fact", fact.factId())
                .param("merchant", fact.merchantId())
                .param("customer", new SqlParameterValue(Types.OTHER, fact.customerId()))
                .param("campaign", new SqlParameterValue(Types.OTHER, a.campaignId()))
                .param("code", new SqlParameterValue(Types.OTHER, a.codeId()))
                .param("rule", a.rule().name())
                .param("amount", fact.amountMinor()).param("discount", fact.discountMinor())
                .param("currency", fact.currency().getCurrencyCode())
                .param("order", new SqlParameterValue(Types.OTHER, fact.orderId()))
                .param("channel", new SqlParameterValue(Types.VARCHAR, fact.orderChannel()))
                .param("store", new SqlParameterValue(Types.OTHER, fact.storeId()))
                .param("at", Timestamps.utc(fact.occurredAt()))
                .update() > 0;
    }

    public Optional<OrderAttribution> ofOrder(UUID orderId) {
        return jdbc.sql("""
                        select campaign_id, code_id, rule, store_id, order_channel from attribution
                        where order_id = :order and kind = 'ORDER'
                        """)
                .param("order", orderId)
                .query((rs, row) -> new OrderAttribution(new Attribution(rs.getObject("campaign_id", UUID.class),
                        rs.getObject("code_id", UUID.class), AttributionRule.valueOf(rs.getString("rule"))),
                        rs.getObject("store_id", UUID.class), rs.getString("order_channel")))
                .optional();
    }

    /**
     * Whose scans to weigh, for which moment: one fact of a batch, at its merchant; {@code groupOwner} is the owner of
     * the group program the merchant collects in, if any, whose group campaigns count too.
     */
    public record ScansAsked(UUID merchantId, UUID customerId, Instant at, @Nullable UUID groupOwner) {}

    /**
     * The customer's latest scans that their campaign's window still covers at the fact's moment: of the merchant's
     * own campaigns, and of its group owner's group campaigns; on the index by merchant, customer and time (bounded
     * by the longest window). For many facts in one statement, the answers in the order asked.
     */
    public List<List<RecentScan>> recentScansOfAll(List<ScansAsked> asked) {
        var answers = new ArrayList<List<RecentScan>>(asked.size());
        for (int i = 0; i < asked.size(); i++) answers.add(new ArrayList<>());
        if (asked.isEmpty()) return answers;
        jdbc.sql("""
                        select x.i, s.campaign_id, s.code_id, s.scanned_at, s.attribution_days
                        from unnest(cast(:m as uuid[]), cast(:c as uuid[]), cast(:at as timestamptz[]),
                                    cast(:o as uuid[])) with ordinality as x(m, c, at, o, i)
                        cross join lateral (
                            select s.campaign_id, s.code_id, s.scanned_at, c.attribution_days
                            from campaign_scan s
                            join campaign c on c.merchant_id = s.merchant_id and c.id = s.campaign_id
                            where s.merchant_id in (x.m, x.o) and s.customer_id = x.c
                              and (s.merchant_id = x.m or c.audience = 'GROUP')
                              and s.scanned_at <= x.at and s.scanned_at >= x.at - make_interval(days => :max)
                              and s.scanned_at >= x.at - make_interval(days => c.attribution_days)
                            order by s.scanned_at desc
                            limit :limit) s
                        """)
                .param("m", asked.stream().map(ScansAsked::merchantId).toArray(UUID[]::new))
                .param("c", asked.stream().map(ScansAsked::customerId).toArray(UUID[]::new))
                .param("at", asked.stream().map(a -> a.at().toString()).toArray(String[]::new))
                .param("o", asked.stream().map(ScansAsked::groupOwner).toArray(UUID[]::new))
                .param("max", Campaign.MAX_ATTRIBUTION_DAYS).param("limit", SCANS_WEIGHED)
                .query((rs, row) -> answers.get(rs.getInt(1) - 1).add(new RecentScan(
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(),
                        rs.getInt(5))))
                .list();
        return answers;
    }

    /** {@link #recentScansOfAll} for one fact. */
    public List<RecentScan> recentScans(ScansAsked asked) {
        return recentScansOfAll(List.of(asked)).getFirst();
    }

    /** The merchant's own tracking code with this text (another merchant's code is not found). */
    public Optional<RecentScan> codeOf(UUID merchantId, String code, Instant at) {
        return jdbc.sql("""
                        select t.campaign_id, t.id, c.attribution_days
                        from tracking_code t join campaign c on c.merchant_id = t.merchant_id and c.id = t.campaign_id
                        where t.merchant_id = :merchant and t.code = :code
                        """)
                .param("merchant", merchantId).param("code", code)
                .query((rs, row) -> new RecentScan(rs.getObject("campaign_id", UUID.class),
                        rs.getObject("id", UUID.class), at, rs.getInt("attribution_days")))
                .optional();
    }

    /** A redemption undone no longer counts; marking it again changes nothing. */
    public void reverseRedemption(String redemptionId, Instant at) {
        jdbc.sql("""
                        update attribution set reversed_at = :at
                        where kind = 'REDEMPTION' and fact_id = :id and reversed_at is null
                        """)
                .param("at", Timestamps.utc(at)).param("id", redemptionId).update();
    }

    /** A merged customer's rows become the target's. */
    public void moveCustomer(UUID sourceId, UUID targetId) {
        jdbc.sql("update attribution set customer_id = :target where customer_id = :source")
                .param("target", targetId).param("source", sourceId).update();
    }

    /** Many facts in one statement, each once as {@link #insertOnce} writes it; how many were new. */
    public int insertAll(List<AttributedFact> facts) {
        if (facts.isEmpty()) return 0;
        return jdbc.sql("""
                        insert into attribution (id, kind, fact_id, merchant_id, customer_id, campaign_id, code_id, rule,
                            amount_minor, discount_minor, currency, order_id, order_channel, store_id, occurred_at)
                        select * from unnest(cast(:ids as uuid[]), cast(:kinds as text[]), cast(:facts as text[]),
                            cast(:merchants as uuid[]), cast(:customers as uuid[]), cast(:campaigns as uuid[]),
                            cast(:codes as uuid[]), cast(:rules as text[]), cast(:amounts as bigint[]),
                            cast(:discounts as bigint[]), cast(:currencies as text[]), cast(:orders as uuid[]),
                            cast(:channels as text[]), cast(:stores as uuid[]), cast(:ats as timestamptz[]))
                        on conflict (kind, fact_id, merchant_id) do nothing
                        """)
                .param("ids", facts.stream().map(f -> Ids.next()).toArray(UUID[]::new))
                .param("kinds", facts.stream().map(f -> f.kind().name()).toArray(String[]::new))
                .param("facts", facts.stream().map(AttributedFact::factId).toArray(String[]::new))
                .param("merchants", facts.stream().map(AttributedFact::merchantId).toArray(UUID[]::new))
                .param("customers", facts.stream().map(AttributedFact::customerId).toArray(UUID[]::new))
                .param("campaigns", facts.stream().map(f -> f.attribution().campaignId()).toArray(UUID[]::new))
                .param("codes", facts.stream().map(f -> f.attribution().codeId()).toArray(UUID[]::new))
                .param("rules", facts.stream().map(f -> f.attribution().rule().name()).toArray(String[]::new))
                .param("amounts", facts.stream().map(AttributedFact::amountMinor).toArray(Long[]::new))
                .param("discounts", facts.stream().map(AttributedFact::discountMinor).toArray(Long[]::new))
                .param("currencies", facts.stream().map(f -> f.currency().getCurrencyCode()).toArray(String[]::new))
                .param("orders", facts.stream().map(AttributedFact::orderId).toArray(UUID[]::new))
                .param("channels", facts.stream().map(AttributedFact::orderChannel).toArray(String[]::new))
                .param("stores", facts.stream().map(AttributedFact::storeId).toArray(UUID[]::new))
                .param("ats", facts.stream().map(f -> f.occurredAt().toString()).toArray(String[]::new))
                .update();
    }

    /**
     * The merchant's scans bound to a customer between two moments, by customer, each with its campaign's window: what
     * {@link #recentScans} reads for one fact, read once for a batch of past facts.
     */
    public Map<UUID, List<RecentScan>> scansByCustomer(UUID merchantId, Instant from, Instant to) {
        var byCustomer = new HashMap<UUID, List<RecentScan>>();
        jdbc.sql("""
                        select s.customer_id, s.campaign_id, s.code_id, s.scanned_at, c.attribution_days
                        from campaign_scan s join campaign c on c.merchant_id = s.merchant_id and c.id = s.campaign_id
                        where s.merchant_id = :merchant and s.customer_id is not null
                          and s.scanned_at >= :from and s.scanned_at <= :to
                        """)
                .param("merchant", merchantId).param("from", Timestamps.utc(from)).param("to", Timestamps.utc(to))
                .query((rs, row) -> {
                    byCustomer.computeIfAbsent(rs.getObject("customer_id", UUID.class), c -> new ArrayList<>())
                            .add(new RecentScan(rs.getObject("campaign_id", UUID.class),
                                    rs.getObject("code_id", UUID.class), rs.getTimestamp("scanned_at").toInstant(),
                                    rs.getInt("attribution_days")));
                    return row;
                })
                .list();
        return byCustomer;
    }
}
