package o2o.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import o2o.campaigns.CampaignTerms;
import o2o.campaigns.Campaigns;
import o2o.identity.StaffPrincipal;
import o2o.insights.Period;
import o2o.orders.ImportedOrder;
import o2o.outreach.Holdout;
import o2o.outreach.MessagePlan;
import o2o.outreach.Offer;
import o2o.outreach.OutreachImport;
import o2o.outreach.OutreachKind;
import o2o.outreach.OutreachPlan;
import o2o.outreach.Outreaches;
import o2o.profiles.RuleSpec;
import o2o.profiles.Segments;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The showcase merchant's targeted marketing: saved segments, a send to its regulars {@value #SENT_DAYS_AGO} days ago
 * (200 points, an SMS and an in-app message, {@value #HOLDOUT_PERCENT} % held out by the real {@link Holdout}) whose
 * results show a clear uplift, and a welcome journey for new members. The send's campaign is opened before the
 * history is made, so the history can be told with it in mind: in the {@value #WINDOW_DAYS} days after the send,
 * {@value #TREATED_PERCENT} % of the treated members and {@value #HELD_OUT_PERCENT} % of the held-out ones come back
 * (fixed shares of each arm, so the story reads the same whatever the campaign's id draws for the arms). All of it is
 * made once, on the first run that makes the history.
 */
@Component
class DemoOutreach {

    static final String SEND = "老客回馈：送200积分";
    static final String WELCOME = "新会员欢迎";
    static final String LAPSED = "流失的老客";
    static final String REGULARS = "老客（累计消费满¥1000）";
    static final String SET_MEAL_FANS = "套餐爱好者（消费满¥2800）";
    static final int SENT_DAYS_AGO = 30;
    static final int WINDOW_DAYS = 14;
    static final int HOLDOUT_PERCENT = 10;
    static final int TREATED_PERCENT = 40;
    static final int HELD_OUT_PERCENT = 10;
    private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);

    /**
     * The send the history is told with: its campaign, when it went, the end of its window, the members who come
     * back in it, and whether this run opened it (a later run only keeps the orders it adds out of the window, so
     * the results stay as told).
     */
    record Send(UUID campaignId, Instant sentAt, Instant windowEnd, Set<UUID> returning, boolean opened) {

        boolean inWindow(Instant at) {
            return !at.isBefore(sentAt) && at.isBefore(windowEnd);
        }
    }

    private final Campaigns campaigns;
    private final Segments segments;
    private final OutreachImport imports;
    private final Outreaches outreaches;
    private final DemoProperties properties;
    private final Clock clock;

    DemoOutreach(Campaigns campaigns, Segments segments, OutreachImport imports, Outreaches outreaches,
            DemoProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.segments = segments;
        this.imports = imports;
        this.outreaches = outreaches;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens the send's campaign and picks who comes back after it; when a run before opened it, the days of its
     * window (null when there is no such campaign: a city made before the send was part of the story).
     */
    @Nullable Send plan(StaffPrincipal owner, List<UUID> members, boolean firstHistory) {
        var told = campaigns.page(owner, null, Campaigns.MAX_LIMIT).items().stream()
                .filter(c -> c.name().equals(SEND)).findFirst();
        if (told.isPresent()) {
            var c = told.get();
            return new Send(c.id(), c.startsOn().atStartOfDay(Period.ZONE).toInstant(),
                    c.endsOn().plusDays(1).atStartOfDay(Period.ZONE).toInstant(), Set.of(), false);
        }
        if (!firstHistory) return null;
        var today = LocalDate.now(clock.withZone(Period.ZONE));
        var campaign = campaigns.create(owner, new CampaignTerms(SEND, "给老客送积分并短信提醒，看能否带回到店",
                today.minusDays(SENT_DAYS_AGO), today.minusDays(SENT_DAYS_AGO - WINDOW_DAYS), Money.cny(20_000),
                WINDOW_DAYS));
        var holdout = new Holdout(HOLDOUT_PERCENT);
        var treated = new ArrayList<UUID>();
        var held = new ArrayList<UUID>();
        for (var member : members) {
            (holdout.holdsOut(campaign.id(), new CustomerId(member)) ? held : treated).add(member);
        }
        var random = new Random(properties.seed() + 15);
        var returning = new HashSet<UUID>();
        returning.addAll(share(treated, TREATED_PERCENT, random));
        returning.addAll(share(held, HELD_OUT_PERCENT, random));
        var sentAt = clock.instant().minus(Duration.ofDays(SENT_DAYS_AGO));
        return new Send(campaign.id(), sentAt, sentAt.plus(Duration.ofDays(WINDOW_DAYS)), returning, true);
    }

    /**
     * The batch told with the send in mind: an order in its window by a member who does not come back is moved
     * three weeks earlier, and a member who comes back without one has one of their orders moved into it.
     */
    List<ImportedOrder> bias(@Nullable Send send, List<ImportedOrder> batch) {
        if (send == null) return batch;
        var random = new Random(properties.seed() + 16);
        var told = new ArrayList<ImportedOrder>(batch.size());
        var back = new HashSet<UUID>();
        for (var order : batch) {
            var customer = order.customerId().value();
            if (!send.inWindow(order.paidAt())) {
                told.add(order);
            } else if (send.returning().contains(customer)) {
                back.add(customer);
                told.add(order);
            } else {
                told.add(at(order, order.paidAt().minus(Duration.ofDays(21))));
            }
        }
        if (send.returning().isEmpty()) return told;
        long window = Duration.ofDays(WINDOW_DAYS).minusHours(2).toSeconds();
        for (int i = 0; i < told.size(); i++) {
            var order = told.get(i);
            var customer = order.customerId().value();
            if (send.returning().contains(customer) && back.add(customer)) {
                told.set(i, at(order, send.sentAt().plusSeconds(3600 + random.nextLong(window))));
            }
        }
        return told;
    }

    /** After the history: the segments, the send to the regulars as it went, and the welcome journey. */
    void tell(StaffPrincipal owner, @Nullable Send send) {
        if (send == null || !send.opened()) return;
        long started = System.nanoTime();
        var merchant = new MerchantId(Objects.requireNonNull(owner.merchantId()));
        var lapsed = segments.create(owner, LAPSED, RuleSpec.allOf(List.of(
                RuleSpec.condition("daysSinceLastVisit", "gte", 60), RuleSpec.condition("spend", "gt", 20_000))));
        var fans = segments.create(owner, SET_MEAL_FANS, RuleSpec.allOf(List.of(
                RuleSpec.condition("item", "has", "本帮双人套餐"), RuleSpec.condition("spend", "gt", 280_000))));
        var regulars = segments.create(owner, REGULARS, RuleSpec.condition("spend", "gt", 100_000));
        var message = new MessagePlan(Set.of(MessagePlan.Channel.SMS, MessagePlan.Channel.IN_APP),
                "{name}，感谢常来老弄堂！已送您200积分，下次到店可抵现，红烧肉等您来。");
        int taken = imports.importSent(merchant, send.campaignId(), Objects.requireNonNull(owner.staffId()),
                new OutreachPlan(OutreachKind.TARGETED, regulars.id(), null, new Offer(Offer.Kind.POINTS, null, 200L,
                        null), message, send.sentAt(), HOLDOUT_PERCENT), send.sentAt());
        welcome(owner);
        log.info("Demo outreach: segments {} ({}), {} ({}), {} ({}); a send to {} members {} days ago; a welcome "
                + "journey, in {} ms", LAPSED, lapsed.members(), SET_MEAL_FANS, fans.members(), REGULARS, regulars.members(),
                taken, SENT_DAYS_AGO, (System.nanoTime() - started) / 1_000_000);
    }

    private void welcome(StaffPrincipal owner) {
        var today = LocalDate.now(clock.withZone(Period.ZONE));
        var campaign = campaigns.create(owner, new CampaignTerms(WELCOME, "新会员入会即收到欢迎消息",
                today.minusDays(SENT_DAYS_AGO), today.plusDays(365), Money.zero(Money.CNY), 14));
        outreaches.plan(owner, campaign.id(), new OutreachPlan(OutreachKind.WELCOME, null, null, Offer.none(),
                new MessagePlan(Set.of(MessagePlan.Channel.IN_APP),
                        "欢迎{name}加入老弄堂会员！到店出示会员码，消费即得积分。"), null, HOLDOUT_PERCENT));
    }

    private static List<UUID> share(List<UUID> arm, int percent, Random random) {
        var shuffled = new ArrayList<>(arm);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, (int) Math.round(arm.size() * percent / 100.0));
    }

    private static ImportedOrder at(ImportedOrder order, Instant paidAt) {
        return new ImportedOrder(order.merchantId(), order.customerId(), order.channel(), order.line(), paidAt);
    }
}
