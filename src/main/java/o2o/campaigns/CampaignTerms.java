package o2o.campaigns;

import java.time.LocalDate;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as the merchant describes it; {@link Campaign} checks it. Null attribution days: the default 7; null
 * audience: the merchant's own.
 */
public record CampaignTerms(String name, @Nullable String goal, LocalDate startsOn, LocalDate endsOn,
        Money mediaCost, @Nullable Integer attributionDays, @Nullable CampaignAudience audience) {

    public CampaignTerms(String name, @Nullable String goal, LocalDate startsOn, LocalDate endsOn, Money mediaCost,
            @Nullable Integer attributionDays) {
        this(name, goal, startsOn, endsOn, mediaCost, attributionDays, null);
    }

    public CampaignAudience audienceOrDefault() {
        return audience == null ? CampaignAudience.MERCHANT : audience;
    }

    public int attributionDaysOrDefault() {
        return attributionDays == null ? Campaign.DEFAULT_ATTRIBUTION_DAYS : attributionDays;
    }
}
