package o2o.profiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.profiles.persistence.ProfileRows.MemberKey;
import o2o.profiles.persistence.SegmentRows;
import o2o.profiles.persistence.SegmentRows.SegmentRow;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps segment membership current without rebuilding: members whose facts a batch changed are evaluated again
 * against their merchant's saved segments (one query per segment for the whole batch), and so are members whose
 * time condition may have flipped, which each member's row says in advance ({@code segment_due_at}).
 */
@Component
class SegmentMembership {

    private static final int DUE_BATCH = 1_000;

    private final SegmentRows rows;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;

    SegmentMembership(SegmentRows rows, JsonMapper json, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    /** In the caller's transaction: these members' facts changed. */
    void reevaluate(List<MemberKey> members) {
        if (members.isEmpty()) return;
        var byMerchant = new LinkedHashMap<UUID, List<UUID>>();
        for (var m : members) byMerchant.computeIfAbsent(m.merchant(), k -> new ArrayList<>()).add(m.customer());
        var segments = rows.ofMerchants(byMerchant.keySet());
        if (segments.isEmpty()) return;
        var now = clock.instant();
        var days = new LinkedHashMap<UUID, Set<Long>>();
        for (var segment : segments) {
            var customers = byMerchant.get(segment.merchant());
            var rule = rule(segment);
            var sql = SegmentSql.compile(rule, now);
            rows.setMembers(segment.id(), segment.merchant(), customers,
                    rows.matchingAmong(segment.merchant(), sql.where(), sql.params(), customers));
            days.computeIfAbsent(segment.merchant(), k -> new TreeSet<>()).addAll(rule.dayThresholds());
        }
        days.forEach((merchant, thresholds) ->
                rows.setDue(merchant, byMerchant.get(merchant), new ArrayList<>(thresholds), now));
    }

    /** A new segment: filled with every member it holds for, and every member's next moment set again. */
    void fill(SegmentRow segment, SegmentRule rule) {
        var now = clock.instant();
        var sql = SegmentSql.compile(rule, now);
        rows.fill(segment.id(), segment.merchant(), sql.where(), sql.params());
        var thresholds = new HashSet<Long>();
        for (var other : rows.ofMerchant(segment.merchant())) thresholds.addAll(rule(other).dayThresholds());
        if (!thresholds.isEmpty()) rows.setDue(segment.merchant(), null, new ArrayList<>(thresholds), now);
    }

    /** Members whose segments are due, on one node at a time. */
    @Scheduled(fixedDelayString = "${o2o.profiles.segment-interval:60s}")
    @SchedulerLock(name = "profiles.segments", lockAtLeastFor = "PT20S", lockAtMostFor = "PT30M")
    public void reevaluateDueOnSchedule() {
        reevaluateDue();
    }

    void reevaluateDue() {
        int done;
        do {
            Integer n = tx.execute(status -> {
                var due = rows.due(clock.instant(), DUE_BATCH);
                reevaluate(due);
                return due.size();
            });
            done = n == null ? 0 : n;
        } while (done == DUE_BATCH);
    }

    SegmentRule rule(SegmentRow segment) {
        return SegmentRule.of(json.readValue(segment.rule(), RuleSpec.class));
    }
}
