package o2o.mallevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import o2o.campaigns.CampaignAudience;
import o2o.campaigns.CampaignTerms;
import o2o.campaigns.Campaigns;
import o2o.campaigns.Channel;
import o2o.campaigns.Device;
import o2o.campaigns.Figures;
import o2o.campaigns.NewTrackingCode;
import o2o.campaigns.Results;
import o2o.campaigns.ResultsPeriod;
import o2o.campaigns.Scans;
import o2o.campaigns.Target;
import o2o.identity.StaffPrincipal;
import o2o.malls.Mall;
import o2o.shared.CustomerId;
import o2o.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Each event owns a campaign of the mall's merchant for the whole group (its tenants), with one tracking code that
 * lands on the mall's building. A check-in is recorded as a scan of that code bound to the attendee, so what they buy
 * at any tenant within the campaign's window is attributed to the event by the campaigns module, as any scan is.
 */
@Component
class EventCampaigns {

    /** The campaign and its code, made for a new event. */
    record Made(UUID campaignId, String code) {}

    private final Campaigns campaigns;
    private final Scans scans;
    private final Results results;
    private final MallEventsProperties properties;

    EventCampaigns(Campaigns campaigns, Scans scans, Results results, MallEventsProperties properties) {
        this.campaigns = campaigns;
        this.scans = scans;
        this.results = results;
        this.properties = properties;
    }

    Made create(StaffPrincipal operator, Mall mall, EventTerms terms) {
        var starts = day(terms.startsAt());
        var campaign = campaigns.create(operator, new CampaignTerms(name(terms.title()), null, starts,
                day(terms.endsAt()).plusDays(properties.attributionDays()), Money.zero(terms.price().currency()),
                properties.attributionDays(), CampaignAudience.GROUP));
        var code = campaigns.addCode(operator, campaign.id(), new NewTrackingCode(Channel.OTHER, Target.STORE,
                mall.building().value(), null, null, null, "活动签到"));
        return new Made(campaign.id(), code.code().code());
    }

    /** The attendee checked in: a scan of the event's code, bound to them, from a visitor only this sign-up is. */
    void checkedIn(MallEvent event, SignUp signUp) {
        var visitor = UUID.nameUUIDFromBytes(("mall-event-sign-up:" + signUp.id()).getBytes(StandardCharsets.UTF_8));
        scans.scan(event.trackingCode(), visitor, signUp.customerId(), Device.OTHER);
    }

    /** What the event's campaign counted from the start of the event to the end of its attendees' window. */
    Figures results(StaffPrincipal operator, MallEvent event) {
        var from = day(event.terms().startsAt()).minusDays(1);
        var to = day(event.terms().endsAt()).plusDays(properties.attributionDays());
        if (ChronoUnit.DAYS.between(from, to) >= ResultsPeriod.MAX_DAYS) to = from.plusDays(ResultsPeriod.MAX_DAYS - 1);
        return results.of(operator, event.campaignId(), from, to).totals();
    }

    private static String name(String title) {
        return "商场活动：" + title;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ResultsPeriod.ZONE);
    }
}
