package o2o.campaigns.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "MerchantCampaignDetailsResponse")
record CampaignDetailsResponse(CampaignResponse campaign, List<CodeResponse> codes,
        List<CampaignCouponResponse> coupons) {}
