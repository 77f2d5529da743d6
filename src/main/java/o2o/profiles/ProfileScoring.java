package o2o.profiles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.profiles.persistence.ProfileRows;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What changes with time alone. Windows: a member whose oldest day in a 90- or 365-day window has left it is summed
 * again, and only those members (each row says when its next day leaves). Scores: RFM quintiles are relative to the
 * merchant's other members, so they are computed again for every member of each merchant, nightly. Segments on
 * windows or scores are evaluated again for the members whose windows or scores changed.
 */
@Component
class ProfileScoring {

    private static final int WINDOW_BATCH = 1_000;

    private final ProfileRows rows;
    private final SegmentMembership segments;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProfileScoring(ProfileRows rows, SegmentMembership segments, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.segments = segments;
        this.tx = tx;
        this.clock = clock;
    }

    /** The profiles whose windows moved, on one node at a time. */
    @Scheduled(fixedDelayString = "${o2o.profiles.window-interval:60s}")
    @SchedulerLock(name = "profiles.windows", lockAtLeastFor = "PT20S", lockAtMostFor = "PT30M")
    public void refreshWindowsOnSchedule() {
        refreshWindows();
    }

    void refreshWindows() {
        int done;
        do {
            Integer n = tx.execute(status -> {
                var due = rows.windowsDue(clock.instant(), WINDOW_BATCH);
                rows.sumWindows(due, LocalDate.now(clock.withZone(ProfileBatch.ZONE)));
                segments.reevaluate(due);
                return due.size();
            });
            done = n == null ? 0 : n;
        } while (done == WINDOW_BATCH);
    }

    @Scheduled(cron = "${o2o.profiles.scores-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "profiles.scores", lockAtLeastFor = "PT10M", lockAtMostFor = "PT3H")
    public void scoreAll() {
        refreshWindows();
        rows.merchants().forEach(scope -> tx.executeWithoutResult(status -> score(scope)));
    }

    /** In the caller's transaction: the members of one scope (a merchant's, or a group's), ranked among themselves. */
    void score(UUID scope) {
        var inputs = rows.scoreInputs(scope);
        var scores = Rfm.score(inputs.stream()
                .map(i -> new Rfm.Member(i.lastVisitAt(), i.visits365(), i.spend365())).toList());
        var customers = new ArrayList<java.util.UUID>(inputs.size());
        List<@Nullable Integer> r = new ArrayList<>(inputs.size());
        List<@Nullable Integer> f = new ArrayList<>(inputs.size());
        List<@Nullable Integer> m = new ArrayList<>(inputs.size());
        var groups = new ArrayList<String>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            var s = scores[i];
            customers.add(inputs.get(i).customer());
            r.add(s == null ? null : s.r());
            f.add(s == null ? null : s.f());
            m.add(s == null ? null : s.m());
            groups.add(Rfm.groupOf(s).name());
        }
        rows.writeScores(scope, customers, r, f, m, groups);
        segments.reevaluate(customers.stream().map(c -> new o2o.profiles.persistence.ProfileRows.MemberKey(
                scope, c)).toList());
    }
}
