package o2o.campaigns;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.campaigns.persistence.CampaignRows;
import o2o.campaigns.persistence.CodeRows;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.PointsProgram;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.InvalidInput;
import o2o.shared.Page;
import o2o.shared.Problem;
import o2o.shared.TimeCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's campaigns and their tracking codes, for its owners and managers. Every statement is keyed by the
 * caller's merchant, so another merchant's campaign or code is simply not found.
 */
@Service
public class Campaigns {

    /** One campaign with its codes and their scan counts. */
    public record Details(Campaign campaign, List<CodeWithScans> codes) {}

    public static final int MAX_LIMIT = 100;
    static final int MAX_CODES = 200;
    private static final int DRAWS = 5;

    private final CampaignRows campaigns;
    private final CodeRows codes;
    private final CodeTargets targets;
    private final PointsProgram groups;
    private final Clock clock;

    Campaigns(CampaignRows campaigns, CodeRows codes, CodeTargets targets, PointsProgram groups, Clock clock) {
        this.campaigns = campaigns;
        this.codes = codes;
        this.targets = targets;
        this.groups = groups;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(StaffPrincipal staff, CampaignTerms terms) {
        var merchant = managedMerchant(staff);
        var audience = terms.audienceOrDefault();
        if (audience == CampaignAudience.GROUP && !groups.ownsGroup(new MerchantId(merchant))) {
            throw Problem.conflict("campaign-group-not-owned",
                    "only the merchant that owns a group program runs campaigns for the group");
        }
        var campaign = new Campaign(Ids.next(), merchant, terms.name(), terms.goal(), terms.startsOn(),
                terms.endsOn(), terms.mediaCost(), terms.attributionDaysOrDefault(), audience, clock.instant(),
                staff.staffId());
        campaigns.insert(campaign);
        return campaign;
    }

    /** Whether the staff member's merchant owns a group program, and so may run campaigns for the group. */
    @Transactional(readOnly = true)
    public boolean reachesGroup(StaffPrincipal staff) {
        return groups.ownsGroup(new MerchantId(managedMerchant(staff)));
    }

    /** Newest first; {@code cursor} is the {@code next} of the page before, null for the first page. */
    @Transactional(readOnly = true)
    public Page<Campaign> page(StaffPrincipal staff, @Nullable String cursor, int limit) {
        var merchant = managedMerchant(staff);
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidInput("limit", "1 to " + MAX_LIMIT);
        var rows = campaigns.page(merchant, TimeCursor.parse(cursor), limit + 1);
        if (rows.size() <= limit) return new Page<>(rows, null);
        var last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), new TimeCursor(last.createdAt(), last.id()).toString());
    }

    @Transactional(readOnly = true)
    public Campaign find(StaffPrincipal staff, UUID campaignId) {
        return campaigns.find(managedMerchant(staff), campaignId).orElseThrow(() -> Problem.notFound("campaign"));
    }

    @Transactional(readOnly = true)
    public Details details(StaffPrincipal staff, UUID campaignId) {
        var campaign = find(staff, campaignId);
        return new Details(campaign, codes.of(campaign.merchantId(), campaign.id()));
    }

    @Transactional(readOnly = true)
    public List<CodeWithScans> codes(StaffPrincipal staff, UUID campaignId) {
        var campaign = find(staff, campaignId);
        return codes.of(campaign.merchantId(), campaign.id());
    }

    @Transactional(readOnly = true)
    public CodeWithScans code(StaffPrincipal staff, UUID campaignId, UUID codeId) {
        return codes.find(managedMerchant(staff), campaignId, codeId)
                .orElseThrow(() -> Problem.notFound("tracking-code"));
    }

    /**
     * Adds a code to the campaign once its store, staff member and deal are found to be the merchant's. A chosen code
     * another code already has is a 409; a random one that clashes is drawn again.
     */
    @Transactional
    public CodeWithScans addCode(StaffPrincipal staff, UUID campaignId, NewTrackingCode request) {
        var campaign = find(staff, campaignId);
        var landing = targets.landingObject(staff, request);
        if (codes.countOf(campaign.merchantId(), campaign.id()) >= MAX_CODES) {
            throw new Problem(HttpStatus.CONFLICT, "tracking-code-limit",
                    "a campaign has at most " + MAX_CODES + " codes", MAX_CODES);
        }
        for (int draw = 0; draw < DRAWS; draw++) {
            var text = request.code() != null ? request.code() : CodeText.random();
            var code = new TrackingCode(Ids.next(), campaign.merchantId(), campaign.id(), text, request.channel(),
                    request.storeId(), request.staffId(), request.target(), landing, request.label(),
                    clock.instant());
            if (codes.insertIfFree(code)) return new CodeWithScans(code, 0);
            if (request.code() != null) {
                throw new Problem(HttpStatus.CONFLICT, "tracking-code-taken", "the code " + text + " is taken", text);
            }
        }
        throw new IllegalStateException(DRAWS + " random codes in a row were taken");
    }

    /** The merchant whose campaigns the staff member manages: 403 for a role that does not manage them. */
    public UUID managedMerchantOf(StaffPrincipal staff) {
        return managedMerchant(staff);
    }

    static UUID managedMerchant(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.notFound("merchant");
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers manage campaigns");
        return staff.merchantId();
    }
}
