package o2o.profiles.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code segment} and {@code segment_member} tables, and the queries a compiled rule runs over
 * {@code profile_fact f}: the rule's text is made only of whitelisted columns and operators, its values bound.
 */
@Repository
public class SegmentRows {

    public record SegmentRow(UUID id, UUID merchant, String name, String rule, Instant createdAt) {}

    private final JdbcClient jdbc;

    SegmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SegmentRow row) {
        jdbc.sql("insert into segment (id, merchant_id, name, rule, created_at) values (:id, :m, :name, :rule, :at)")
                .param("id", row.id()).param("m", row.merchant()).param("name", row.name()).param("rule", row.rule())
                .param("at", Timestamps.utc(row.createdAt())).update();
    }

    public Optional<SegmentRow> find(UUID merchant, UUID id) {
        return jdbc.sql("select id, merchant_id, name, rule, created_at from segment where id = :id and merchant_id = :m")
                .param("id", id).param("m", merchant).query(this::row).optional();
    }

    public List<SegmentRow> ofMerchant(UUID merchant) {
        return jdbc.sql("""
                        select id, merchant_id, name, rule, created_at from segment where merchant_id = :m
                        order by created_at desc, id limit 200
                        """)
                .param("m", merchant).query(this::row).list();
    }

    public List<SegmentRow> ofMerchants(Set<UUID> merchants) {
        if (merchants.isEmpty()) return List.of();
        return jdbc.sql("select id, merchant_id, name, rule, created_at from segment where merchant_id = any(cast(:ms as uuid[]))")
                .param("ms", merchants.toArray(UUID[]::new)).query(this::row).list();
    }

    /** How many of the merchant's profiled customers the rule's condition ({@code where}) holds for. */
    public long count(UUID merchant, String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from profile_fact f where f.merchant_id = :merchant and " + where)
                .params(params).param("merchant", merchant).query(Long.class).single();
    }

    /** The first customers (by id) after {@code after} the condition holds for. */
    public List<UUID> matching(UUID merchant, String where, Map<String, Object> params, UUID after, int limit) {
        return jdbc.sql("""
                        select f.customer_id from profile_fact f
                        where f.merchant_id = :merchant and f.customer_id > :after and
                        """ + where + " order by f.customer_id limit :limit")
                .params(params).param("merchant", merchant).param("after", after).param("limit", limit)
                .query(UUID.class).list();
    }

    /** Of these customers, those the condition holds for. */
    public List<UUID> matchingAmong(UUID merchant, String where, Map<String, Object> params, List<UUID> customers) {
        return jdbc.sql("""
                        select f.customer_id from profile_fact f
                        where f.merchant_id = :merchant and f.customer_id = any(cast(:customers as uuid[])) and
                        """ + where)
                .params(params).param("merchant", merchant).param("customers", customers.toArray(UUID[]::new))
                .query(UUID.class).list();
    }

    /** Every member the condition holds for joins a new segment, in one statement. */
    public void fill(UUID segment, UUID merchant, String where, Map<String, Object> params) {
        jdbc.sql("""
                        insert into segment_member (segment_id, merchant_id, customer_id)
                        select :segment, f.merchant_id, f.customer_id from profile_fact f
                        where f.merchant_id = :merchant and
                        """ + where + " on conflict do nothing")
                .params(params).param("segment", segment).param("merchant", merchant).update();
    }

    /** Among {@code customers}, those in {@code matched} are in the segment and the others not. */
    public void setMembers(UUID segment, UUID merchant, List<UUID> customers, List<UUID> matched) {
        jdbc.sql("""
                        delete from segment_member
                        where segment_id = :s and customer_id = any(cast(:all as uuid[]))
                          and not (customer_id = any(cast(:in as uuid[])))
                        """)
                .param("s", segment).param("all", customers.toArray(UUID[]::new))
                .param("in", matched.toArray(UUID[]::new)).update();
        if (matched.isEmpty()) return;
        jdbc.sql("""
                        insert into segment_member (segment_id, merchant_id, customer_id)
                        select :s, :m, c from unnest(cast(:in as uuid[])) as c on conflict do nothing
                        """)
                .param("s", segment).param("m", merchant).param("in", matched.toArray(UUID[]::new)).update();
    }

    /** A merged customer leaves the segments at these merchants; the target is evaluated again. */
    public void forget(List<UUID> merchants, UUID customer) {
        if (merchants.isEmpty()) return;
        jdbc.sql("delete from segment_member where merchant_id = any(cast(:ms as uuid[])) and customer_id = :c")
                .param("ms", merchants.toArray(UUID[]::new)).param("c", customer).update();
    }

    public long size(UUID segment) {
        return jdbc.sql("select count(*) from segment_member where segment_id = :s").param("s", segment)
                .query(Long.class).single();
    }

    /** The segment's members after {@code after}, by id. */
    public List<UUID> members(UUID segment, UUID after, int limit) {
        return jdbc.sql("""
                        select customer_id from segment_member where segment_id = :s and customer_id > :after
                        order by customer_id limit :limit
                        """)
                .param("s", segment).param("after", after).param("limit", limit).query(UUID.class).list();
    }

    /**
     * Sets, for these members (all of the merchant's when {@code customers} is null), the next moment after
     * {@code now} that one of the day counts since their last visit passes; none when no such moment is ahead.
     */
    public void setDue(UUID merchant, @org.jspecify.annotations.Nullable List<UUID> customers, List<Long> days,
            Instant now) {
        var params = new HashMap<String, Object>();
        params.put("m", merchant);
        params.put("days", days.toArray(Long[]::new));
        params.put("now", Timestamps.utc(now));
        String among = "";
        if (customers != null) {
            params.put("cs", customers.toArray(UUID[]::new));
            among = " and customer_id = any(cast(:cs as uuid[]))";
        }
        jdbc.sql("""
                        update profile_fact set segment_due_at =
                            (select min(last_visit_at + make_interval(days => cast(d as int)))
                             from unnest(cast(:days as bigint[])) as d
                             where last_visit_at + make_interval(days => cast(d as int)) > :now)
                        where merchant_id = :m""" + among)
                .params(params).update();
    }

    /** Members whose next moment has passed, the longest overdue first. */
    public List<ProfileRows.MemberKey> due(Instant now, int limit) {
        return jdbc.sql("""
                        select merchant_id, customer_id from profile_fact where segment_due_at <= :now
                        order by segment_due_at limit :limit
                        """)
                .param("now", Timestamps.utc(now)).param("limit", limit)
                .query((rs, row) -> new ProfileRows.MemberKey(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class))).list();
    }

    private SegmentRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SegmentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getTimestamp(5).toInstant());
    }
}
