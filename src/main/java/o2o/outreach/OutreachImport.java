package o2o.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import o2o.outreach.persistence.AudienceRows;
import o2o.outreach.persistence.AudienceRows.Arm;
import o2o.outreach.persistence.AudienceRows.Entry;
import o2o.outreach.persistence.AudienceRows.MessageState;
import o2o.outreach.persistence.OutreachRows;
import o2o.profiles.Segments;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for bulk history: a targeted send that went out before this system recorded it (an import from
 * another system, the demo's story) is written as finished, in a few statements. Its audience is the segment's members
 * as they are now, each taken in at the send's moment in the arm the real {@link Holdout} decides, so its results
 * compare treated and held-out members over the orders paid since. Nothing is given or sent now: offers and messages
 * belong to the past; a treated member's message is recorded as sent then.
 */
@Service
public class OutreachImport {

    private static final int PAGE = 10_000;

    private final OutreachRows rows;
    private final AudienceRows audience;
    private final Segments segments;

    OutreachImport(OutreachRows rows, AudienceRows audience, Segments segments) {
        this.rows = rows;
        this.audience = audience;
        this.segments = segments;
    }

    /**
     * Records the merchant's campaign's send to {@code plan}'s segment as done at {@code sentAt}, by the staff member
     * {@code createdBy}. Answers how many members it took in; none when the campaign reaches members already.
     */
    @Transactional
    public int importSent(MerchantId merchant, UUID campaignId, UUID createdBy, OutreachPlan plan, Instant sentAt) {
        if (plan.kind() != OutreachKind.TARGETED) throw new InvalidInput("kind", "only a send is imported");
        var segment = Objects.requireNonNull(plan.segmentId());
        if (segments.nameOf(merchant, segment).isEmpty()) throw Problem.notFound("segment");
        if (rows.find(campaignId).isPresent()) return 0;
        var holdout = plan.holdout();
        var entries = new ArrayList<Entry>();
        UUID after = null;
        while (true) {
            List<UUID> page = segments.membersOf(merchant, segment, after, PAGE);
            for (var customer : page) {
                boolean held = holdout.holdsOut(campaignId, new CustomerId(customer));
                entries.add(new Entry(customer, "", held ? Arm.HOLDOUT : Arm.TREATED,
                        !held && plan.message().sends() ? MessageState.SENT : MessageState.NONE));
            }
            if (page.size() < PAGE) break;
            after = page.getLast();
        }
        var sent = new Outreach(campaignId, merchant.value(), OutreachKind.TARGETED, segment, null, plan.offer(),
                plan.message(), holdout, sentAt, Outreach.Status.SENT, entries.size(), sentAt, createdBy, sentAt);
        if (!rows.insertPast(sent)) return 0;
        int taken = 0;
        for (int from = 0; from < entries.size(); from += PAGE) {
            taken += audience.enterPast(campaignId, entries.subList(from, Math.min(from + PAGE, entries.size())),
                    sentAt);
        }
        return taken;
    }
}
