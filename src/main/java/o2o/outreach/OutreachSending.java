package o2o.outreach;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.outreach.Intake.Candidate;
import o2o.outreach.persistence.AudienceRows;
import o2o.outreach.persistence.OutreachRows;
import o2o.profiles.Segments;
import o2o.shared.MerchantId;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the targeted campaigns whose time has come: takes the segment's members in, a page per transaction, and
 * marks the send done. A send a node left half done is simply run again: taking in is idempotent per member, so a
 * retry, or two nodes sending at once, reach each member once.
 */
@Component
class OutreachSending {

    static final int PAGE = 1_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutreachSending.class);

    private final OutreachRows rows;
    private final AudienceRows audience;
    private final Segments segments;
    private final Intake intake;
    private final TransactionTemplate tx;
    private final Clock clock;

    OutreachSending(OutreachRows rows, AudienceRows audience, Segments segments, Intake intake,
            TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.audience = audience;
        this.segments = segments;
        this.intake = intake;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${o2o.outreach.send-interval:5s}")
    @SchedulerLock(name = "outreach.send", lockAtLeastFor = "PT0.1S", lockAtMostFor = "PT30M")
    public void sendDue() {
        for (var campaign : Objects.requireNonNull(tx.execute(s -> rows.due(clock.instant(), 20)))) {
            try {
                send(campaign);
            } catch (RuntimeException e) {
                log.warn("campaign {} could not finish sending; it is tried again", campaign, e);
            }
        }
    }

    /** Sends one campaign if it is due or under way; answers how many members this call took in. */
    int send(UUID campaignId) {
        var outreach = rows.find(campaignId).orElse(null);
        if (outreach == null || outreach.kind() != OutreachKind.TARGETED) return 0;
        if (outreach.status() == Outreach.Status.SENT) return 0;
        if (outreach.sendAt() != null && outreach.sendAt().isAfter(clock.instant())) return 0;
        tx.executeWithoutResult(s -> rows.start(campaignId));
        var merchant = new MerchantId(outreach.merchantId());
        var segment = Objects.requireNonNull(outreach.segmentId());
        int taken = 0;
        UUID after = null;
        while (true) {
            var page = segments.membersOf(merchant, segment, after, PAGE);
            if (page.isEmpty()) break;
            var candidates = page.stream().map(c -> new Candidate(c, "")).toList();
            taken += Objects.requireNonNull(tx.execute(s -> intake.enter(outreach, candidates, clock.instant())));
            if (page.size() < PAGE) break;
            after = page.getLast();
        }
        tx.executeWithoutResult(s -> rows.finish(campaignId, audience.counts(campaignId).members(),
                clock.instant()));
        return taken;
    }

}
