package o2o.outreach;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import o2o.campaigns.Campaign;
import o2o.campaigns.CampaignAudience;
import o2o.campaigns.CampaignCoupons;
import o2o.campaigns.CampaignTerms;
import o2o.campaigns.Campaigns;
import o2o.identity.StaffPrincipal;
import o2o.outreach.persistence.AudienceRows;
import o2o.outreach.persistence.OutreachRows;
import o2o.profiles.Segments;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for merchants: give one of their campaigns a way to reach members (a send to a segment, or a
 * journey), change it until a send starts, pause and resume a journey, see how far it got, and set the frequency cap.
 * A merchant reaches only its own campaigns, segments and coupons (404 for another's).
 */
@Service
public class Outreaches {

    static final Duration LATEST_SEND = Duration.ofDays(365);

    private final OutreachRows rows;
    private final AudienceRows audience;
    private final Campaigns campaigns;
    private final CampaignCoupons campaignCoupons;
    private final Segments segments;
    private final OutreachSettings settings;
    private final Journeys journeys;
    private final Clock clock;

    Outreaches(OutreachRows rows, AudienceRows audience, Campaigns campaigns, CampaignCoupons campaignCoupons,
            Segments segments, OutreachSettings settings, Journeys journeys, Clock clock) {
        this.rows = rows;
        this.audience = audience;
        this.campaigns = campaigns;
        this.campaignCoupons = campaignCoupons;
        this.segments = segments;
        this.settings = settings;
        this.journeys = journeys;
        this.clock = clock;
    }

    /** Sets how the campaign reaches members; answers it, and whether it is new. */
    @Transactional
    public Planned plan(StaffPrincipal staff, UUID campaignId, OutreachPlan plan) {
        var campaign = campaigns.find(staff, campaignId);
        if (campaign.audience() == CampaignAudience.GROUP) {
            throw Problem.conflict("outreach-group-campaign",
                    "a group's campaign is measured over the whole group; it cannot send to one merchant's segment");
        }
        var merchant = new MerchantId(campaign.merchantId());
        if (plan.segmentId() != null && segments.nameOf(merchant, plan.segmentId()).isEmpty()) {
            throw Problem.notFound("segment");
        }
        if (plan.offer().couponTemplateId() != null) {
            campaignCoupons.link(staff, campaignId, plan.offer().couponTemplateId());
        }
        var now = clock.instant();
        var sendAt = plan.kind() == OutreachKind.TARGETED
                ? (plan.sendAt() == null || plan.sendAt().isBefore(now) ? now : plan.sendAt()) : null;
        if (sendAt != null && sendAt.isAfter(now.plus(LATEST_SEND))) {
            throw new InvalidInput("sendAt", "within a year", "input.outreach.send-at");
        }
        var status = plan.kind().isJourney() ? Outreach.Status.ACTIVE : Outreach.Status.SCHEDULED;
        var outreach = new Outreach(campaign.id(), campaign.merchantId(), plan.kind(), plan.segmentId(),
                plan.triggerDays(), plan.offer(), plan.message(), plan.holdout(), sendAt, status, null, now,
                Objects.requireNonNull(staff.staffId()), null);
        var existing = rows.find(campaignId);
        if (existing.isEmpty() && rows.insert(outreach)) {
            journeys.changed();
            return new Planned(view(outreach), true);
        }
        var before = existing.orElseGet(() -> rows.find(campaignId).orElseThrow());
        if (before.kind() != plan.kind()) {
            throw Problem.conflict("outreach-kind-fixed", "a campaign's kind of reach does not change once set");
        }
        if (!before.isJourney()) before.requireChangeable();
        var replaced = new Outreach(outreach.campaignId(), outreach.merchantId(), outreach.kind(),
                outreach.segmentId(), outreach.triggerDays(), outreach.offer(), outreach.message(), outreach.holdout(),
                sendAt, before.status(), null, before.createdAt(), before.createdBy(), null);
        if (!rows.replace(replaced)) throw Outreach.alreadySent(); // it started since it was read
        journeys.changed();
        return new Planned(view(replaced), false);
    }

    public record Planned(OutreachView view, boolean created) {}

    /**
     * Creates a campaign and sets how it reaches members in one transaction (the console's wizard): a plan refused
     * leaves no campaign behind.
     */
    @Transactional
    public Planned launch(StaffPrincipal staff, CampaignTerms terms, OutreachPlan plan) {
        var campaign = campaigns.create(staff, terms);
        return plan(staff, campaign.id(), plan);
    }

    @Transactional(readOnly = true)
    public OutreachView find(StaffPrincipal staff, UUID campaignId) {
        return view(owned(staff, campaignId));
    }

    /** The merchant's sends (or journeys), newest first. */
    @Transactional(readOnly = true)
    public List<OutreachView> list(StaffPrincipal staff, boolean journeysOnly) {
        var merchant = campaigns.managedMerchantOf(staff);
        var outreaches = rows.ofMerchant(merchant, journeysOnly);
        var counts = audience.counts(outreaches.stream().map(Outreach::campaignId).toList());
        return outreaches.stream().map(o -> view(o, counts.getOrDefault(o.campaignId(), AudienceRows.Counts.none()))).toList();
    }

    /** Pauses or resumes a journey. */
    @Transactional
    public OutreachView setActive(StaffPrincipal staff, UUID campaignId, boolean active) {
        var outreach = owned(staff, campaignId);
        var status = outreach.journeyStatus(active);
        rows.setJourneyStatus(outreach.merchantId(), campaignId, status);
        journeys.changed();
        return view(owned(staff, campaignId));
    }

    @Transactional(readOnly = true)
    public int capDays(StaffPrincipal staff) {
        return settings.capDays(campaigns.managedMerchantOf(staff));
    }

    @Transactional
    public int setCapDays(StaffPrincipal staff, int days) {
        var merchant = campaigns.managedMerchantOf(staff);
        settings.setCapDays(merchant, days);
        return settings.capDays(merchant);
    }

    Outreach owned(StaffPrincipal staff, UUID campaignId) {
        Campaign campaign = campaigns.find(staff, campaignId);
        return rows.find(campaign.id()).filter(o -> o.merchantId().equals(campaign.merchantId()))
                .orElseThrow(() -> Problem.notFound("outreach"));
    }

    private OutreachView view(Outreach outreach) {
        return view(outreach, audience.counts(outreach.campaignId()));
    }

    private static OutreachView view(Outreach outreach, AudienceRows.Counts counts) {
        return new OutreachView(outreach, counts.arms(), counts.messages());
    }
}
