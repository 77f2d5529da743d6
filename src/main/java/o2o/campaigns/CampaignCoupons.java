package o2o.campaigns;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.campaigns.persistence.CouponLinkRows;
import o2o.coupons.CouponTemplate;
import o2o.coupons.Coupons;
import o2o.identity.StaffPrincipal;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coupon templates a campaign hands out. An order that used a coupon of one of them is the campaign's, ahead of
 * any scan. A template belongs to at most one campaign, and only to one of its own merchant's.
 */
@Service
public class CampaignCoupons {

    private final Campaigns campaigns;
    private final CouponLinkRows links;
    private final Coupons coupons;
    private final Clock clock;

    CampaignCoupons(Campaigns campaigns, CouponLinkRows links, Coupons coupons, Clock clock) {
        this.campaigns = campaigns;
        this.links = links;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** Links the merchant's template to the campaign; linking it again to the same campaign changes nothing. */
    @Transactional
    public CouponTemplate link(StaffPrincipal staff, UUID campaignId, UUID templateId) {
        var campaign = campaigns.find(staff, campaignId);
        var template = coupons.template(templateId).filter(t -> t.merchantId().equals(campaign.merchantId()))
                .orElseThrow(() -> Problem.notFound("coupon"));
        if (!links.linkIfFree(campaign.merchantId(), campaign.id(), templateId, clock.instant())
                && !links.campaignOf(campaign.merchantId(), templateId).orElseThrow().equals(campaign.id())) {
            throw new Problem(HttpStatus.CONFLICT, "coupon-template-taken",
                    "this coupon already belongs to another campaign");
        }
        return template;
    }

    @Transactional(readOnly = true)
    public List<CouponTemplate> of(StaffPrincipal staff, UUID campaignId) {
        var campaign = campaigns.find(staff, campaignId);
        return links.templatesOf(campaign.merchantId(), campaign.id()).stream()
                .flatMap(id -> coupons.template(id).stream()).toList();
    }
}
