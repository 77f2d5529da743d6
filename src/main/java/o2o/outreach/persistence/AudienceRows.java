package o2o.outreach.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outreach_member} table: the members each campaign took in, once per occurrence, their arm, and their
 * message's fate. Taking in is one insert per batch that answers only the rows it added, so of two nodes (or a retry)
 * taking in the same member exactly one goes on to reward and message them.
 */
@Repository
public class AudienceRows {

    private final JdbcClient jdbc;

    AudienceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum Arm { TREATED, HOLDOUT }

    public enum MessageState { NONE, PENDING, SENT, CAPPED, OPTED_OUT, UNREACHABLE }

    /** A member to take in, in the arm already decided, with their message to send or not. */
    public record Entry(UUID customer, String occurrence, Arm arm, MessageState message) {}

    /** A member taken in, as the results read them: when first and last (a journey may take them in again). */
    public record Entered(UUID customer, Arm arm, Instant first, Instant last) {}

    /** A message waiting to go. */
    public record Pending(UUID campaign, UUID customer, String occurrence) {}

    /** Takes in those not taken in before; answers the ones this call added. */
    public List<Entry> enter(UUID campaign, List<Entry> entries, Instant at) {
        if (entries.isEmpty()) return List.of();
        var byKey = new java.util.HashMap<String, Entry>();
        entries.forEach(e -> byKey.put(e.customer() + "|" + e.occurrence(), e));
        return jdbc.sql("""
                        insert into outreach_member (campaign_id, merchant_id, customer_id, occurrence, arm, entered_at,
                                                     message)
                        select :campaign, (select merchant_id from outreach where campaign_id = :campaign), c, o, a,
                               :at, m
                          from unnest(cast(:c as uuid[]), cast(:o as text[]), cast(:a as text[]), cast(:m as text[]))
                               as e(c, o, a, m)
                        on conflict do nothing
                        returning customer_id, occurrence
                        """)
                .param("campaign", campaign).param("at", utc(at))
                .param("c", entries.stream().map(Entry::customer).toArray(UUID[]::new))
                .param("o", entries.stream().map(Entry::occurrence).toArray(String[]::new))
                .param("a", entries.stream().map(e -> e.arm().name()).toArray(String[]::new))
                .param("m", entries.stream().map(e -> e.message().name()).toArray(String[]::new))
                .query((rs, row) -> byKey.get(rs.getObject(1, UUID.class) + "|" + rs.getString(2))).list();
    }

    /**
     * Takes in members of a send made in the past (an import of history) in one statement: entered at {@code at}, and
     * a message already {@code SENT} marked sent then too. Answers how many rows it added; those there before stay.
     */
    public int enterPast(UUID campaign, List<Entry> entries, Instant at) {
        if (entries.isEmpty()) return 0;
        return jdbc.sql("""
                        insert into outreach_member (campaign_id, merchant_id, customer_id, occurrence, arm, entered_at,
                                                     message, messaged_at)
                        select :campaign, (select merchant_id from outreach where campaign_id = :campaign), c, o, a, :at,
                               m, case when m = 'SENT' then cast(:at as timestamptz) end
                          from unnest(cast(:c as uuid[]), cast(:o as text[]), cast(:a as text[]), cast(:m as text[]))
                               as e(c, o, a, m)
                        on conflict do nothing
                        """)
                .param("campaign", campaign).param("at", utc(at))
                .param("c", entries.stream().map(Entry::customer).toArray(UUID[]::new))
                .param("o", entries.stream().map(Entry::occurrence).toArray(String[]::new))
                .param("a", entries.stream().map(e -> e.arm().name()).toArray(String[]::new))
                .param("m", entries.stream().map(e -> e.message().name()).toArray(String[]::new))
                .update();
    }

    /** The oldest messages waiting, locked for this transaction; those another node holds are skipped. */
    public List<Pending> lockPending(int limit) {
        return jdbc.sql("""
                        select campaign_id, customer_id, occurrence from outreach_member where message = 'PENDING'
                        order by entered_at limit :limit for update skip locked
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .list();
    }

    public void setMessages(List<Pending> messages, List<MessageState> states, Instant at) {
        if (messages.isEmpty()) return;
        jdbc.sql("""
                        update outreach_member m set message = x.state, messaged_at = :at
                          from unnest(cast(:campaign as uuid[]), cast(:customer as uuid[]), cast(:occurrence as text[]),
                                      cast(:state as text[])) as x(campaign_id, customer_id, occurrence, state)
                         where m.campaign_id = x.campaign_id and m.customer_id = x.customer_id
                           and m.occurrence = x.occurrence and m.message = 'PENDING'
                        """)
                .param("campaign", messages.stream().map(Pending::campaign).toArray(UUID[]::new))
                .param("customer", messages.stream().map(Pending::customer).toArray(UUID[]::new))
                .param("occurrence", messages.stream().map(Pending::occurrence).toArray(String[]::new))
                .param("state", states.stream().map(Enum::name).toArray(String[]::new))
                .param("at", utc(at)).update();
    }

    /** A campaign's members per arm and messages per state. */
    public record Counts(Map<Arm, Integer> arms, Map<MessageState, Integer> messages) {

        public static Counts none() {
            return new Counts(zeros(Arm.class), zeros(MessageState.class));
        }

        /** Everybody the campaign took in, in either arm. */
        public int members() {
            return arms.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One campaign's counts; all zero when it took nobody in. */
    public Counts counts(UUID campaign) {
        return counts(List.of(campaign)).getOrDefault(campaign, Counts.none());
    }

    /** The counts of many campaigns in one query; a campaign that took nobody in is absent. */
    public Map<UUID, Counts> counts(List<UUID> campaigns) {
        var counts = new java.util.HashMap<UUID, Counts>();
        if (campaigns.isEmpty()) return counts;
        jdbc.sql("""
                        select campaign_id, arm, message, count(*) from outreach_member
                         where campaign_id = any(:c) group by campaign_id, arm, message
                        """)
                .param("c", campaigns.toArray(UUID[]::new))
                .query(rs -> {
                    var c = counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> Counts.none());
                    c.arms().merge(Arm.valueOf(rs.getString(2)), rs.getInt(4), Integer::sum);
                    c.messages().merge(MessageState.valueOf(rs.getString(3)), rs.getInt(4), Integer::sum);
                });
        return counts;
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
        var zeros = new EnumMap<E, Integer>(type);
        for (var e : type.getEnumConstants()) zeros.put(e, 0);
        return zeros;
    }

    /** Every member the campaign took in, once each. */
    public List<Entered> entered(UUID campaign) {
        return jdbc.sql("""
                        select customer_id, min(arm), min(entered_at), max(entered_at) from outreach_member where campaign_id = :c
                        group by customer_id
                        """)
                .param("c", campaign)
                .query((rs, row) -> new Entered(rs.getObject(1, UUID.class), Arm.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }
}
