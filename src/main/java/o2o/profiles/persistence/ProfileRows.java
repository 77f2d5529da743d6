package o2o.profiles.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import o2o.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code profile_day} and {@code profile_fact} tables: a member's paid orders and net spend per day, and the
 * facts row summed from them. Each write is one statement over {@code unnest} arrays, adding to what a row holds.
 */
@Repository
public class ProfileRows {

    private static final int CHUNK = 5_000;

    /** A member's orders and net spend on one day at a merchant, to add. */
    public record DayRow(UUID merchant, UUID customer, LocalDate day, int visits, long spend) {}

    /** What to add to a member's facts row; the times widen what it holds (earliest joined and first visit). */
    public record FactDelta(UUID merchant, UUID customer, @Nullable Instant joinedAt, @Nullable Instant firstVisitAt,
            @Nullable Instant lastVisitAt, long visits, long spend) {}

    /** A member of a merchant, as the two ids. */
    public record MemberKey(UUID merchant, UUID customer) {}

    /** The facts row of a member. */
    public record FactRow(UUID merchant, UUID customer, @Nullable Instant joinedAt, @Nullable Instant firstVisitAt,
            @Nullable Instant lastVisitAt, long visits, long spend, long visits90, long spend90, long visits365,
            long spend365, @Nullable Integer r, @Nullable Integer f, @Nullable Integer m, @Nullable String group) {}

    /** What a member's scores are computed from. */
    public record ScoreInput(UUID customer, @Nullable Instant lastVisitAt, long visits365, long spend365) {}

    /** Visits and spend of one month. */
    public record Month(LocalDate month, long visits, long spend) {}

    private final JdbcClient jdbc;

    ProfileRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void addDays(List<DayRow> rows) {
        chunked(rows, chunk -> jdbc.sql("""
                        insert into profile_day as d (merchant_id, customer_id, day, visits, spend)
                        select * from unnest(cast(:m as uuid[]), cast(:c as uuid[]), cast(:day as date[]),
                                             cast(:visits as int[]), cast(:spend as bigint[]))
                        on conflict (merchant_id, customer_id, day) do update
                        set visits = d.visits + excluded.visits, spend = d.spend + excluded.spend
                        """)
                .param("m", chunk.stream().map(DayRow::merchant).toArray(UUID[]::new))
                .param("c", chunk.stream().map(DayRow::customer).toArray(UUID[]::new))
                .param("day", chunk.stream().map(r -> r.day().toString()).toArray(String[]::new))
                .param("visits", chunk.stream().map(DayRow::visits).toArray(Integer[]::new))
                .param("spend", chunk.stream().map(DayRow::spend).toArray(Long[]::new))
                .update());
    }

    public void addFacts(List<FactDelta> rows) {
        chunked(rows, chunk -> jdbc.sql("""
                        insert into profile_fact as f (merchant_id, customer_id, joined_at, first_visit_at,
                                                       last_visit_at, visits, spend)
                        select * from unnest(cast(:m as uuid[]), cast(:c as uuid[]), cast(:joined as timestamptz[]),
                                             cast(:first as timestamptz[]), cast(:last as timestamptz[]),
                                             cast(:visits as bigint[]), cast(:spend as bigint[]))
                        on conflict (merchant_id, customer_id) do update
                        set joined_at = least(f.joined_at, excluded.joined_at),
                            first_visit_at = least(f.first_visit_at, excluded.first_visit_at),
                            last_visit_at = greatest(f.last_visit_at, excluded.last_visit_at),
                            visits = f.visits + excluded.visits, spend = f.spend + excluded.spend
                        """)
                .param("m", chunk.stream().map(FactDelta::merchant).toArray(UUID[]::new))
                .param("c", chunk.stream().map(FactDelta::customer).toArray(UUID[]::new))
                .param("joined", chunk.stream().map(r -> text(r.joinedAt())).toArray(String[]::new))
                .param("first", chunk.stream().map(r -> text(r.firstVisitAt())).toArray(String[]::new))
                .param("last", chunk.stream().map(r -> text(r.lastVisitAt())).toArray(String[]::new))
                .param("visits", chunk.stream().map(FactDelta::visits).toArray(Long[]::new))
                .param("spend", chunk.stream().map(FactDelta::spend).toArray(Long[]::new))
                .update());
    }

    /**
     * Sums the members' 90- and 365-day windows again from their days as of {@code today}, and the moment the oldest
     * day in a window leaves it (the start of that day, Asia/Shanghai, 90 or 365 days on).
     */
    public void sumWindows(List<MemberKey> members, LocalDate today) {
        chunked(members, chunk -> jdbc.sql("""
                        update profile_fact f
                        set visits_90 = w.v90, spend_90 = w.s90, visits_365 = w.v365, spend_365 = w.s365,
                            window_due_at = w.due
                        from (select d.merchant_id, d.customer_id,
                                     coalesce(sum(d.visits) filter (where d.day > cast(:today as date) - 90), 0) v90,
                                     coalesce(sum(d.spend) filter (where d.day > cast(:today as date) - 90), 0) s90,
                                     coalesce(sum(d.visits) filter (where d.day > cast(:today as date) - 365), 0) v365,
                                     coalesce(sum(d.spend) filter (where d.day > cast(:today as date) - 365), 0) s365,
                                     cast(least(min(d.day) filter (where d.day > cast(:today as date) - 90) + 90,
                                                min(d.day) filter (where d.day > cast(:today as date) - 365) + 365)
                                          as timestamp) at time zone 'Asia/Shanghai' as due
                              from unnest(cast(:m as uuid[]), cast(:c as uuid[])) as k(merchant_id, customer_id)
                              join profile_day d on d.merchant_id = k.merchant_id and d.customer_id = k.customer_id
                              group by d.merchant_id, d.customer_id) w
                        where f.merchant_id = w.merchant_id and f.customer_id = w.customer_id
                        """)
                .param("m", chunk.stream().map(MemberKey::merchant).toArray(UUID[]::new))
                .param("c", chunk.stream().map(MemberKey::customer).toArray(UUID[]::new))
                .param("today", today.toString())
                .update());
    }

    /** Members a day of whose has left a window by {@code now}, the longest overdue first. */
    public List<MemberKey> windowsDue(Instant now, int limit) {
        return jdbc.sql("""
                        select merchant_id, customer_id from profile_fact
                        where window_due_at <= :now order by window_due_at limit :limit
                        """)
                .param("now", Timestamps.utc(now)).param("limit", limit)
                .query((rs, row) -> new MemberKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    public Optional<FactRow> find(UUID merchant, UUID customer) {
        return jdbc.sql("""
                        select merchant_id, customer_id, joined_at, first_visit_at, last_visit_at, visits, spend,
                               visits_90, spend_90, visits_365, spend_365, r_score, f_score, m_score, rfm_group
                        from profile_fact where merchant_id = :m and customer_id = :c
                        """)
                .param("m", merchant).param("c", customer)
                .query((rs, row) -> new FactRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        rs.getObject(12, Integer.class), rs.getObject(13, Integer.class),
                        rs.getObject(14, Integer.class), rs.getString(15)))
                .optional();
    }

    /** A member's visits and net spend per month (Asia/Shanghai) from {@code since}, oldest first. */
    public List<Month> months(UUID merchant, UUID customer, LocalDate since) {
        return jdbc.sql("""
                        select cast(date_trunc('month', day) as date), sum(visits), sum(spend) from profile_day
                        where merchant_id = :m and customer_id = :c and day >= cast(:since as date)
                        group by 1 order by 1
                        """)
                .param("m", merchant).param("c", customer).param("since", since.toString())
                .query((rs, row) -> new Month(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** The customer's profile rows, in every scope that has one. */
    public List<MemberKey> profilesOf(UUID customer) {
        return jdbc.sql("select merchant_id, customer_id from profile_fact where customer_id = :c")
                .param("c", customer)
                .query((rs, row) -> new MemberKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** Merchants with profiles, for the nightly scores. */
    public List<UUID> merchants() {
        return jdbc.sql("select distinct merchant_id from profile_fact").query(UUID.class).list();
    }

    public List<ScoreInput> scoreInputs(UUID merchant) {
        return jdbc.sql("""
                        select customer_id, last_visit_at, visits_365, spend_365 from profile_fact
                        where merchant_id = :m order by customer_id
                        """)
                .param("m", merchant)
                .query((rs, row) -> new ScoreInput(rs.getObject(1, UUID.class), instant(rs.getTimestamp(2)),
                        rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Writes the members' scores and groups; a null score is a member who never bought. */
    public void writeScores(UUID merchant, List<UUID> customers, List<@Nullable Integer> r,
            List<@Nullable Integer> f, List<@Nullable Integer> m, List<String> groups) {
        for (int from = 0; from < customers.size(); from += CHUNK) {
            int to = Math.min(from + CHUNK, customers.size());
            jdbc.sql("""
                            update profile_fact p set r_score = s.r, f_score = s.f, m_score = s.m, rfm_group = s.g
                            from unnest(cast(:c as uuid[]), cast(:r as smallint[]), cast(:f as smallint[]),
                                        cast(:mm as smallint[]), cast(:g as text[])) as s(customer_id, r, f, m, g)
                            where p.merchant_id = :merchant and p.customer_id = s.customer_id
                            """)
                    .param("merchant", merchant)
                    .param("c", customers.subList(from, to).toArray(UUID[]::new))
                    .param("r", r.subList(from, to).toArray(Integer[]::new))
                    .param("f", f.subList(from, to).toArray(Integer[]::new))
                    .param("mm", m.subList(from, to).toArray(Integer[]::new))
                    .param("g", groups.subList(from, to).toArray(String[]::new))
                    .update();
        }
    }

    /**
     * A merged customer's days and facts become the target's, added to what the target has at each merchant; the
     * merchants where the target now has facts are returned, to sum their windows again.
     */
    public List<UUID> moveCustomer(UUID source, UUID target) {
        var merchants = jdbc.sql("select merchant_id from profile_fact where customer_id = :s")
                .param("s", source).query(UUID.class).list();
        if (merchants.isEmpty()) return List.of();
        var ids = merchants.toArray(UUID[]::new);
        jdbc.sql("""
                        insert into profile_day as d (merchant_id, customer_id, day, visits, spend)
                        select merchant_id, :t, day, visits, spend from profile_day
                        where merchant_id = any(cast(:ms as uuid[])) and customer_id = :s
                        on conflict (merchant_id, customer_id, day) do update
                        set visits = d.visits + excluded.visits, spend = d.spend + excluded.spend
                        """).param("ms", ids).param("s", source).param("t", target).update();
        jdbc.sql("delete from profile_day where merchant_id = any(cast(:ms as uuid[])) and customer_id = :s")
                .param("ms", ids).param("s", source).update();
        jdbc.sql("""
                        insert into profile_fact as f (merchant_id, customer_id, joined_at, first_visit_at,
                                                       last_visit_at, visits, spend, r_score, f_score, m_score,
                                                       rfm_group)
                        select merchant_id, :t, joined_at, first_visit_at, last_visit_at, visits, spend, r_score,
                               f_score, m_score, rfm_group
                        from profile_fact where customer_id = :s
                        on conflict (merchant_id, customer_id) do update
                        set joined_at = least(f.joined_at, excluded.joined_at),
                            first_visit_at = least(f.first_visit_at, excluded.first_visit_at),
                            last_visit_at = greatest(f.last_visit_at, excluded.last_visit_at),
                            visits = f.visits + excluded.visits, spend = f.spend + excluded.spend
                        """).param("s", source).param("t", target).update();
        jdbc.sql("delete from profile_fact where customer_id = :s").param("s", source).update();
        return merchants;
    }

    private static @Nullable String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    static <T> void chunked(List<T> rows, Consumer<List<T>> write) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            write.accept(rows.subList(from, Math.min(from + CHUNK, rows.size())));
        }
    }
}
