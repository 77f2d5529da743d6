package o2o.outreach.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.campaigns.Campaign;
import o2o.campaigns.CampaignTerms;
import o2o.outreach.MessagePlan;
import o2o.outreach.Offer;
import o2o.outreach.OutreachKind;
import o2o.outreach.OutreachPlan;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * The campaign wizard as typed: the campaign's name and attribution window, who it reaches (a saved segment or a
 * journey with its days), the offer (amounts in yuan), the message, when a send goes ({@code now} or {@code later} at
 * a China-time {@code datetime-local}) and the share held out.
 */
record OutreachForm(@Nullable String name, @Nullable String attributionDays, @Nullable String kind,
        @Nullable String segmentId, @Nullable String triggerDays, @Nullable String offerKind,
        @Nullable String couponTemplateId, @Nullable String points, @Nullable String amount,
        @Nullable List<String> channels, @Nullable String text, @Nullable String when, @Nullable String sendAt,
        @Nullable String holdoutPercent) {

    /** The fields the page shows a problem beside; a problem about anything else is shown above the form. */
    static final Set<String> FIELDS = Set.of("name", "attributionDays", "kind", "segmentId", "triggerDays", "offer",
            "offer.couponTemplateId", "offer.points", "offer.amount", "message.text", "channels", "sendAt",
            "holdoutPercent");

    static OutreachForm blank() {
        return new OutreachForm("", String.valueOf(Campaign.DEFAULT_ATTRIBUTION_DAYS), OutreachKind.TARGETED.name(),
                "", "30", Offer.Kind.NONE.name(), "", "", "", List.of(MessagePlan.Channel.SMS.name(),
                        MessagePlan.Channel.IN_APP.name()), "", "now", "", "10");
    }

    public boolean has(String channel) {
        return channels != null && channels.contains(channel);
    }

    OutreachPlan toPlan(ZoneId zone) {
        var reach = reach();
        var segment = reach == OutreachKind.TARGETED ? uuid("segmentId", segmentId) : null;
        var days = reach.takesDays() ? FormValues.optionalNumber("triggerDays", triggerDays) : null;
        if (reach.takesDays() && days == null) throw new InvalidInput("triggerDays", "is required", "input.required");
        var at = reach == OutreachKind.TARGETED && "later".equals(when) ? FormValues.instant("sendAt", sendAt, zone)
                : null;
        return new OutreachPlan(reach, segment, days, offer(), new MessagePlan(chosenChannels(), text), at,
                FormValues.optionalNumber("holdoutPercent", holdoutPercent));
    }

    /**
     * The campaign: a send's from the day it goes for its attribution window; a journey's from today for a year, as
     * it keeps taking members in until it is paused.
     */
    CampaignTerms toTerms(OutreachPlan plan, LocalDate today, ZoneId zone) {
        var window = FormValues.optionalNumber("attributionDays", attributionDays);
        int days = window == null ? Campaign.DEFAULT_ATTRIBUTION_DAYS : window;
        var sendDay = plan.sendAt() == null ? today : LocalDate.ofInstant(plan.sendAt(), zone);
        var startsOn = sendDay.isBefore(today) ? today : sendDay;
        var endsOn = plan.kind().isJourney() ? startsOn.plusYears(1)
                : startsOn.plusDays(Math.clamp(days, 0, Campaign.MAX_ATTRIBUTION_DAYS));
        return new CampaignTerms(name == null ? "" : name, null, startsOn, endsOn, Money.cny(0), days);
    }

    private OutreachKind reach() {
        if (kind == null || kind.isBlank()) return OutreachKind.TARGETED;
        try {
            return OutreachKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "a send or a journey", "input.required");
        }
    }

    private Offer offer() {
        Offer.Kind chosen;
        try {
            chosen = offerKind == null || offerKind.isBlank() ? Offer.Kind.NONE : Offer.Kind.valueOf(offerKind.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("offer", "none, a coupon, points or stored value");
        }
        return switch (chosen) {
            case NONE -> Offer.none();
            case COUPON -> new Offer(chosen, uuid("offer.couponTemplateId", couponTemplateId), null, null);
            case POINTS -> new Offer(chosen, null, FormValues.wholeNumber("offer.points", points, 0), null);
            case STORED_VALUE -> new Offer(chosen, null, null, FormValues.money("offer.amount", amount, Money.CNY));
        };
    }

    private Set<MessagePlan.Channel> chosenChannels() {
        var chosen = EnumSet.noneOf(MessagePlan.Channel.class);
        if (channels == null) return chosen;
        for (var channel : channels) {
            try {
                chosen.add(MessagePlan.Channel.valueOf(channel.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("channels", "SMS or IN_APP");
            }
        }
        return chosen;
    }

    private static UUID uuid(String field, @Nullable String value) {
        if (value == null || value.isBlank()) throw new InvalidInput(field, "is required", "input.required");
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "is required", "input.required");
        }
    }
}
