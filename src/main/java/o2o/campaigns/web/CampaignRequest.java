package o2o.campaigns.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.campaigns.CampaignAudience;
import o2o.campaigns.CampaignTerms;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A campaign as sent to the API; the media cost in minor units (分). */
@Schema(name = "MerchantCampaignRequest")
record CampaignRequest(@Nullable String name, @Nullable String goal, @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn, @Nullable Money mediaCost,
        @Schema(description = "days after a scan that still count for the campaign, 1-90, default 7")
        @Nullable Integer attributionDays,
        @Schema(description = "MERCHANT (default): the merchant's own customers; GROUP: the customers of every merchant "
                + "in the group program the merchant owns (a mall)")
        @Nullable CampaignAudience audience) {

    CampaignTerms toTerms() {
        if (name == null) throw new InvalidInput("name", "is required", "input.required");
        if (startsOn == null) throw new InvalidInput("startsOn", "is required", "input.required");
        if (endsOn == null) throw new InvalidInput("endsOn", "is required", "input.required");
        return new CampaignTerms(name, goal, startsOn, endsOn, mediaCost == null ? Money.cny(0) : mediaCost,
                attributionDays, audience);
    }
}
