package o2o.campaigns.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.campaigns.Campaign;
import o2o.campaigns.CampaignAudience;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

@Schema(name = "MerchantCampaignResponse")
record CampaignResponse(UUID id, String name, @Nullable String goal, LocalDate startsOn, LocalDate endsOn,
        Money mediaCost, int attributionDays, CampaignAudience audience, boolean running, Instant createdAt) {

    static CampaignResponse of(Campaign c, LocalDate today) {
        return new CampaignResponse(c.id(), c.name(), c.goal(), c.startsOn(), c.endsOn(), c.mediaCost(),
                c.attributionDays(), c.audience(), c.isRunningOn(today), c.createdAt());
    }
}
