package o2o.campaigns.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

@Schema(name = "MerchantCampaignCouponRequest")
record CouponLinkRequest(@Schema(description = "one of the merchant's coupon templates") @Nullable UUID templateId) {

    UUID required() {
        if (templateId == null) throw new InvalidInput("templateId", "is required", "input.required");
        return templateId;
    }
}
