package o2o.campaigns.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.coupons.CouponTemplate;

@Schema(name = "MerchantCampaignCouponResponse")
record CampaignCouponResponse(UUID templateId, String title, boolean active) {

    static CampaignCouponResponse of(CouponTemplate template) {
        return new CampaignCouponResponse(template.id(), template.terms().title(), template.active());
    }
}
