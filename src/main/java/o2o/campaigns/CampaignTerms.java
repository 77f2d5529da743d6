package o2o.campaigns;

import java.time.LocalDate;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A campaign as the merchant describes it; {@link Campaign} checks it. Null attribution days: the default 7. */
public record CampaignTerms(String name, @Nullable String goal, LocalDate startsOn, LocalDate endsOn,
        Money mediaCost, @Nullable Integer attributionDays) {

    public int attributionDaysOrDefault() {
        return attributionDays == null ? Campaign.DEFAULT_ATTRIBUTION_DAYS : attributionDays;
    }
}
