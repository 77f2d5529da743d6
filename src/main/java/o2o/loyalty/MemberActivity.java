package o2o.loyalty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits and spend of each customer at each merchant, kept from the order events by {@link PointsReactions} (members
 * or not yet: a customer who joins later brings their history). A paid order counts once by its id, a refund once by order and reference,
 * so a re-delivered event changes nothing; the counters move in single upserts, so concurrent events add up.
 */
@Component
class MemberActivity {

    private final JdbcClient jdbc;

    MemberActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A refund that was recorded before its payment (events overtaking each other) is counted with the payment. */
    @Transactional
    void paid(OrderPaid paid) {
        var recorded = jdbc.sql("""
                        insert into member_activity_order (order_id, merchant_id, customer_id, channel, total_minor,
                                                           refunded_minor, currency, paid_at)
                        select :o, :m, :c, :channel, :total,
                               least(:total, coalesce((select sum(amount_minor) from member_activity_refund
                                                       where order_id = :o), 0)),
                               :currency, :at
                        on conflict (order_id, merchant_id) do nothing
                        returning refunded_minor
                        """)
                .param("o", paid.orderId().value()).param("m", paid.merchantId().value()).param("c", paid.customerId().value())
                .param("channel", paid.channel().name()).param("total", paid.total().minor())
                .param("currency", paid.total().currency().getCurrencyCode())
                .param("at", paid.at().atOffset(ZoneOffset.UTC))
                .query(Long.class).optional();
        if (recorded.isEmpty()) return;
        jdbc.sql("""
                        insert into member_activity as a (merchant_id, customer_id, visits, paid_minor, refunded_minor,
                                                          currency, last_visit_at)
                        values (:m, :c, 1, :total, :refunded, :currency, :at)
                        on conflict (merchant_id, customer_id) do update
                        set visits = a.visits + 1, paid_minor = a.paid_minor + excluded.paid_minor,
                            refunded_minor = a.refunded_minor + excluded.refunded_minor,
                            last_visit_at = greatest(a.last_visit_at, excluded.last_visit_at)
                        """)
                .param("m", paid.merchantId().value()).param("c", paid.customerId().value()).param("total", paid.total().minor())
                .param("refunded", recorded.get()).param("currency", paid.total().currency().getCurrencyCode())
                .param("at", paid.at().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Paid orders brought in with a merchant's history (imports, demo data), counted like paid ones in two
     * statements: orders counted before are skipped, so bringing the same history twice counts it once.
     */
    @Transactional
    void recordImported(UUID merchantId, String channel, List<ImportedEarning> orders) {
        if (orders.isEmpty()) return;
        jdbc.sql("""
                        with brought (order_id, customer_id, total_minor, paid_at) as (
                            select o, c, t, to_timestamp(at / 1000.0)
                            from unnest(cast(:orders as uuid[]), cast(:customers as uuid[]),
                                        cast(:totals as bigint[]), cast(:paidAts as bigint[])) as b(o, c, t, at)),
                        counted as (
                            insert into member_activity_order (order_id, merchant_id, customer_id, channel,
                                                               total_minor, refunded_minor, currency, paid_at)
                            select order_id, :m, customer_id, :channel, total_minor, 0, 'CNY', paid_at from brought
                            on conflict (order_id, merchant_id) do nothing
                            returning customer_id, total_minor, paid_at)
                        insert into member_activity as a (merchant_id, customer_id, visits, paid_minor, refunded_minor,
                                                          currency, last_visit_at)
                        select :m, customer_id, count(*), sum(total_minor), 0, 'CNY', max(paid_at) from counted
                        group by customer_id
                        on conflict (merchant_id, customer_id) do update
                        set visits = a.visits + excluded.visits, paid_minor = a.paid_minor + excluded.paid_minor,
                            last_visit_at = greatest(a.last_visit_at, excluded.last_visit_at)
                        """)
                .param("orders", orders.stream().map(ImportedEarning::orderId).toArray(UUID[]::new))
                .param("customers", orders.stream().map(ImportedEarning::customerId).toArray(UUID[]::new))
                .param("totals", orders.stream().mapToLong(o -> o.paid().minor()).boxed().toArray(Long[]::new))
                .param("paidAts", orders.stream().mapToLong(o -> o.paidAt().toEpochMilli()).boxed().toArray(Long[]::new))
                .param("m", merchantId).param("channel", channel)
                .update();
    }

    @Transactional
    void refunded(OrderRefunded refunded) {
        int recorded = jdbc.sql("""
                        insert into member_activity_refund (order_id, reference, merchant_id, amount_minor, at)
                        values (:o, :ref, :m, :amount, :at) on conflict do nothing
                        """)
                .param("o", refunded.orderId().value()).param("ref", refunded.reference()).param("m", refunded.merchantId().value())
                .param("amount", refunded.amount().minor()).param("at", refunded.at().atOffset(ZoneOffset.UTC))
                .update();
        if (recorded == 0) return;
        var applied = jdbc.sql("""
                        update member_activity_order o
                        set refunded_minor = least(o.total_minor, o.refunded_minor + :amount)
                        from (select refunded_minor from member_activity_order where order_id = :o for update) before
                        where o.order_id = :o
                        returning o.refunded_minor - before.refunded_minor
                        """)
                .param("o", refunded.orderId().value()).param("amount", refunded.amount().minor())
                .query(Long.class).optional();
        if (applied.isEmpty() || applied.get() == 0) return;
        jdbc.sql("""
                        update member_activity set refunded_minor = refunded_minor + :applied
                        where merchant_id = :m and customer_id = :c
                        """)
                .param("applied", applied.get()).param("m", refunded.merchantId().value()).param("c", refunded.customerId().value())
                .update();
    }

    /** A customer's visits and spend at a merchant, since their first paid order there. */
    record Totals(int visits, Money spend, Instant lastVisitAt) {}

    @Transactional(readOnly = true)
    Optional<Totals> totals(UUID merchantId, UUID customerId) {
        return jdbc.sql("""
                        select visits, paid_minor - refunded_minor as spend, currency, last_visit_at from member_activity
                        where merchant_id = :m and customer_id = :c
                        """)
                .param("m", merchantId).param("c", customerId)
                .query((rs, row) -> new Totals(rs.getInt("visits"),
                        new Money(rs.getLong("spend"), Currency.getInstance(rs.getString("currency").strip())),
                        rs.getObject("last_visit_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** A customer's ten latest paid orders at a merchant. */
    @Transactional(readOnly = true)
    List<MemberProfile.RecentOrder> recentOrders(UUID merchantId, UUID customerId) {
        return jdbc.sql("""
                        select order_id, channel, total_minor, refunded_minor, currency, paid_at
                        from member_activity_order where merchant_id = :m and customer_id = :c
                        order by paid_at desc, order_id desc limit 10
                        """)
                .param("m", merchantId).param("c", customerId)
                .query((rs, row) -> {
                    var currency = Currency.getInstance(rs.getString("currency").strip());
                    return new MemberProfile.RecentOrder(rs.getObject("order_id", UUID.class), rs.getString("channel"),
                            new Money(rs.getLong("total_minor"), currency),
                            new Money(rs.getLong("refunded_minor"), currency),
                            rs.getObject("paid_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }
}
