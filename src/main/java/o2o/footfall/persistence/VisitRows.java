package o2o.footfall.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import o2o.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members' visits to a mall from the Wi-Fi sign-in. */
@Repository
public class VisitRows {

    private final JdbcClient jdbc;

    VisitRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The visit a sign-in counts in: its id, when it began and whether it was begun by this sign-in. */
    public record Seen(UUID id, Instant firstSeen, Instant lastSeen, boolean started) {}

    /**
     * One statement: the customer's latest visit to the mall seen within {@code gap} is extended to {@code now};
     * without one, a visit begins. Sign-ins of one customer at one mall take turns on a transaction lock first (run
     * inside the caller's transaction), so two at once make one visit, not two.
     */
    public Seen signIn(UUID mall, UUID customer, String via, Instant now, Duration gap, @Nullable String deviceHash,
            @Nullable String apHash) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "footfall-visit|" + mall + "|" + customer)
                .query((rs, row) -> 1).single();
        return jdbc.sql("""
                        with extended as (
                            update footfall_visit set last_seen = greatest(last_seen, :now), sign_ins = sign_ins + 1,
                                   device_hash = coalesce(:device, device_hash), ap_hash = coalesce(:ap, ap_hash)
                             where id = (select id from footfall_visit
                                          where mall_id = :mall and customer_id = :customer and last_seen >= :since
                                          order by last_seen desc limit 1 for update)
                            returning id, first_seen, last_seen, false as started
                        ), started as (
                            insert into footfall_visit (id, mall_id, customer_id, via, first_seen, last_seen,
                                                        device_hash, ap_hash)
                            select :id, :mall, :customer, :via, :now, :now, :device, :ap
                             where not exists (select 1 from extended)
                            returning id, first_seen, last_seen, true as started
                        )
                        select * from extended union all select * from started
                        """)
                .param("mall", mall)
                .param("customer", customer)
                .param("via", via)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("since", now.minus(gap).atOffset(ZoneOffset.UTC))
                .param("id", Ids.next())
                .param("device", deviceHash)
                .param("ap", apHash)
                .query((rs, row) -> new Seen(rs.getObject("id", UUID.class),
                        rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_seen", OffsetDateTime.class).toInstant(), rs.getBoolean("started")))
                .single();
    }

    /** A visit from another system's history (or the demo's): who, when first and last seen. */
    public record PastVisit(UUID customer, String via, Instant firstSeen, Instant lastSeen) {}

    /** Writes past visits of a mall in one statement per thousand; answers how many were written. */
    public int insertAll(UUID mall, List<PastVisit> visits) {
        int written = 0;
        for (int from = 0; from < visits.size(); from += 1000) {
            var batch = visits.subList(from, Math.min(from + 1000, visits.size()));
            written += jdbc.sql("""
                            insert into footfall_visit (id, mall_id, customer_id, via, first_seen, last_seen)
                            select v.id, :mall, v.customer, v.via, v.first_seen, v.last_seen
                            from unnest(cast(:ids as uuid[]), cast(:customers as uuid[]), cast(:vias as text[]),
                                        cast(:firsts as timestamptz[]), cast(:lasts as timestamptz[]))
                                 as v (id, customer, via, first_seen, last_seen)
                            """)
                    .param("mall", mall)
                    .param("ids", batch.stream().map(v -> Ids.next()).toArray(UUID[]::new))
                    .param("customers", batch.stream().map(PastVisit::customer).toArray(UUID[]::new))
                    .param("vias", batch.stream().map(PastVisit::via).toArray(String[]::new))
                    .param("firsts", batch.stream().map(v -> v.firstSeen().toString()).toArray(String[]::new))
                    .param("lasts", batch.stream().map(v -> v.lastSeen().toString()).toArray(String[]::new))
                    .update();
        }
        return written;
    }

    /** The visits begun in the span: how many, and their summed dwell (last seen − first seen) in seconds. */
    public record Totals(long visits, long dwellSeconds) {}

    public Totals totals(UUID mall, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) as visits,
                               cast(coalesce(sum(extract(epoch from last_seen - first_seen)), 0) as bigint) as dwell
                          from footfall_visit
                         where mall_id = :mall and first_seen >= :from and first_seen < :to
                        """)
                .param("mall", mall)
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Totals(rs.getLong("visits"), rs.getLong("dwell")))
                .single();
    }

    /** Each customer who visited, with each local day they came on. */
    public record VisitDay(UUID customer, LocalDate day) {}

    public List<VisitDay> visitDays(UUID mall, Instant from, Instant to, String zone) {
        return jdbc.sql("""
                        select distinct customer_id, cast(first_seen at time zone :zone as date) as day
                          from footfall_visit
                         where mall_id = :mall and first_seen >= :from and first_seen < :to
                        """)
                .param("mall", mall)
                .param("zone", zone)
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new VisitDay(rs.getObject("customer_id", UUID.class),
                        rs.getObject("day", LocalDate.class)))
                .list();
    }
}
