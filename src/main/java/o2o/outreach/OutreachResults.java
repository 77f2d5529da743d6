package o2o.outreach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import o2o.campaigns.Results;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.PointsProgram;
import o2o.orders.CustomerSpend;
import o2o.orders.OrderSpend;
import o2o.orders.SpendWindow;
import o2o.outreach.persistence.AudienceRows;
import o2o.outreach.persistence.AudienceRows.Arm;
import o2o.outreach.persistence.AudienceRows.MessageState;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's true effect: what each member bought at the merchant (at any merchant of the group, for a group
 * program's owner sending to its group's members) from the moment the campaign took them in until
 * its attribution window closed (or now), treated against held out ({@link Uplift}), and the cost it set against that
 * — media, SMS sent, stored value given and the coupon discounts its orders used — beside the revenue attributed to it.
 */
@Service
public class OutreachResults {

    private final Outreaches outreaches;
    private final AudienceRows audience;
    private final OrderSpend spend;
    private final Results attributed;
    private final PointsProgram groups;
    private final long smsCostMinor;
    private final Clock clock;

    OutreachResults(Outreaches outreaches, AudienceRows audience, OrderSpend spend, Results attributed,
            PointsProgram groups, @Value("${o2o.outreach.sms-cost-minor:5}") long smsCostMinor, Clock clock) {
        this.outreaches = outreaches;
        this.audience = audience;
        this.spend = spend;
        this.attributed = attributed;
        this.groups = groups;
        this.smsCostMinor = smsCostMinor;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public UpliftReport of(StaffPrincipal staff, UUID campaignId) {
        var outreach = outreaches.owned(staff, campaignId);
        var campaign = attributed.totals(staff, campaignId);
        var window = Duration.ofDays(campaign.campaign().attributionDays());
        var now = clock.instant();
        var entered = audience.entered(campaignId);
        var windows = new ArrayList<SpendWindow>(entered.size());
        Instant closes = null;
        for (var member : entered) {
            var end = member.last().plus(window);
            if (closes == null || end.isAfter(closes)) closes = end;
            windows.add(new SpendWindow(new CustomerId(member.customer()), member.first(),
                    end.isBefore(now) ? end : now));
        }
        var paid = new HashMap<UUID, CustomerSpend>();
        var merchants = groups.groupOf(new MerchantId(outreach.merchantId()));
        for (var s : spend.within(merchants, windows)) paid.put(s.customer().value(), s);
        var treated = new ArrayList<Uplift.Outcome>();
        var held = new ArrayList<Uplift.Outcome>();
        for (var member : entered) {
            var s = paid.get(member.customer());
            var outcome = new Uplift.Outcome(s != null && s.orders() > 0, s == null ? 0 : s.netMinor());
            (member.arm() == Arm.TREATED ? treated : held).add(outcome);
        }
        var uplift = Uplift.of(treated, held);
        var messages = audience.counts(campaignId).messages();
        boolean sms = outreach.message().channels().contains(MessagePlan.Channel.SMS);
        long smsCost = sms ? messages.get(MessageState.SENT) * smsCostMinor : 0;
        long giftCost = outreach.offer().amount() == null ? 0
                : outreach.offer().amount().minor() * uplift.treated().members();
        var totals = campaign.figures();
        long mediaCost = campaign.campaign().mediaCost().minor();
        long cost = mediaCost + smsCost + giftCost + totals.discountMinor();
        return new UpliftReport(outreach, uplift, messages, closes, closes == null || !closes.isAfter(now),
                totals.netRevenueMinor(), totals.orders(), mediaCost, smsCost, giftCost,
                totals.discountMinor(), cost);
    }

    /** Everything the results page and API show. */
    public record UpliftReport(Outreach outreach, Uplift uplift, java.util.Map<MessageState, Integer> messages,
            @org.jspecify.annotations.Nullable Instant windowClosesAt, boolean complete, long attributedRevenueMinor,
            long attributedOrders, long mediaCostMinor, long smsCostMinor, long giftCostMinor, long discountMinor,
            long costMinor) {

        /** (incremental revenue − cost) / cost; null when it cost nothing. */
        public @org.jspecify.annotations.Nullable Double incrementalRoi() {
            return costMinor == 0 ? null : (uplift.incrementalRevenue().estimate() - costMinor) / costMinor;
        }

        /** (attributed revenue − cost) / cost; null when it cost nothing. */
        public @org.jspecify.annotations.Nullable Double attributedRoi() {
            return costMinor == 0 ? null : (double) (attributedRevenueMinor - costMinor) / costMinor;
        }
    }

}
