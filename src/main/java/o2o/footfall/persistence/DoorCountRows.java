package o2o.footfall.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import o2o.footfall.DoorBatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The door counters' counts: one insert per batch that skips what the counter reported before, and the reads. */
@Repository
public class DoorCountRows {

    private final JdbcClient jdbc;

    DoorCountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the batch's intervals this counter has not reported yet, in one statement (the key decides a race of
     * the same batch sent at once); answers how many were stored.
     */
    public int insert(UUID mall, UUID deviceKey, DoorBatch batch, Instant receivedAt) {
        var intervals = batch.intervals();
        return jdbc.sql("""
                        insert into footfall_door_count (device_key_id, entrance, interval_start, mall_id, people_in,
                                                         people_out, received_at)
                        select :key, :entrance, i.start_at, :mall, i.people_in, i.people_out, :now
                          from unnest(cast(:starts as timestamptz[]), cast(:ins as int[]), cast(:outs as int[]))
                               as i(start_at, people_in, people_out)
                        on conflict (device_key_id, entrance, interval_start) do nothing
                        """)
                .param("key", deviceKey)
                .param("entrance", batch.entrance())
                .param("mall", mall)
                .param("now", receivedAt.atOffset(ZoneOffset.UTC))
                .param("starts", intervals.stream().map(i -> i.start().toString()).toArray(String[]::new))
                .param("ins", intervals.stream().map(DoorBatch.Interval::in).toArray(Integer[]::new))
                .param("outs", intervals.stream().map(DoorBatch.Interval::out).toArray(Integer[]::new))
                .update();
    }

    /** People in and out by entrance, local day and local hour of the interval's start, in the days given. */
    public record Slot(String entrance, LocalDate day, int hour, long in, long out) {}

    public List<Slot> slots(UUID mall, Instant from, Instant to, String zone) {
        return jdbc.sql("""
                        select entrance, cast(interval_start at time zone :zone as date) as day,
                               cast(extract(hour from interval_start at time zone :zone) as int) as hour,
                               sum(people_in) as people_in, sum(people_out) as people_out
                          from footfall_door_count
                         where mall_id = :mall and interval_start >= :from and interval_start < :to
                         group by 1, 2, 3
                         order by 2, 3, 1
                        """)
                .param("mall", mall)
                .param("zone", zone)
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Slot(rs.getString("entrance"), rs.getObject("day", LocalDate.class),
                        rs.getInt("hour"), rs.getLong("people_in"), rs.getLong("people_out")))
                .list();
    }
}
