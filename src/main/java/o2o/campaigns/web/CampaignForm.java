package o2o.campaigns.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import o2o.campaigns.Campaign;
import o2o.campaigns.CampaignAudience;
import o2o.campaigns.CampaignTerms;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.web.FormValues;
import org.jspecify.annotations.Nullable;

/** The console's campaign form as typed: the media cost in yuan, dates as yyyy-MM-dd. */
record CampaignForm(@Nullable String name, @Nullable String goal, @Nullable String startsOn,
        @Nullable String endsOn, @Nullable String mediaCost, @Nullable String attributionDays,
        @Nullable String audience) {

    static CampaignForm blank(LocalDate today) {
        return new CampaignForm("", "", today.toString(), today.plusDays(30).toString(), "0",
                String.valueOf(Campaign.DEFAULT_ATTRIBUTION_DAYS), CampaignAudience.MERCHANT.name());
    }

    CampaignTerms toTerms() {
        var cost = mediaCost == null || mediaCost.isBlank() ? Money.cny(0)
                : FormValues.money("mediaCost", mediaCost, Money.CNY);
        return new CampaignTerms(name == null ? "" : name, goal, date("startsOn", startsOn), date("endsOn", endsOn),
                cost, FormValues.optionalNumber("attributionDays", attributionDays), chosenAudience());
    }

    private @Nullable CampaignAudience chosenAudience() {
        if (audience == null || audience.isBlank()) return null;
        try {
            return CampaignAudience.valueOf(audience.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("audience", "MERCHANT or GROUP", "input.campaigns.audience");
        }
    }

    private static LocalDate date(String field, @Nullable String text) {
        if (text == null || text.isBlank()) throw new InvalidInput(field, "is required", "input.required");
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date", "input.must-be.date");
        }
    }
}
