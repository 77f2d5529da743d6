package o2o.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.coupons.Coupons;
import o2o.loyalty.Loyalty;
import o2o.outreach.persistence.AudienceRows;
import o2o.outreach.persistence.AudienceRows.Arm;
import o2o.outreach.persistence.AudienceRows.Entry;
import o2o.outreach.persistence.AudienceRows.MessageState;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.wallet.StoredValue;
import org.springframework.stereotype.Component;

/**
 * Takes members into a campaign, in the caller's transaction: each member and occurrence once, in the arm the holdout
 * decides, and gives each treated member taken in now the offer, once (the reward's reference names campaign, member
 * and occurrence). Their message, if any, is left pending for {@link OutreachMessages}.
 */
@Component
class Intake {

    /** A member a campaign should take in, and the occurrence that brings them ("" for a send). */
    record Candidate(UUID customer, String occurrence) {}

    private final AudienceRows audience;
    private final Coupons coupons;
    private final Loyalty loyalty;
    private final StoredValue storedValue;

    Intake(AudienceRows audience, Coupons coupons, Loyalty loyalty, StoredValue storedValue) {
        this.audience = audience;
        this.coupons = coupons;
        this.loyalty = loyalty;
        this.storedValue = storedValue;
    }

    /** Answers how many this call took in. */
    int enter(Outreach outreach, List<Candidate> candidates, Instant now) {
        var entries = new ArrayList<Entry>(candidates.size());
        for (var c : candidates) {
            boolean held = outreach.holdout().holdsOut(outreach.campaignId(), new CustomerId(c.customer()));
            entries.add(new Entry(c.customer(), c.occurrence(), held ? Arm.HOLDOUT : Arm.TREATED,
                    !held && outreach.message().sends() ? MessageState.PENDING : MessageState.NONE));
        }
        var added = audience.enter(outreach.campaignId(), entries, now);
        var offer = outreach.offer();
        if (offer.kind() == Offer.Kind.NONE) return added.size();
        int left = offer.kind() == Offer.Kind.COUPON ? couponsLeft(offer, now) : Integer.MAX_VALUE;
        for (var entry : added) {
            if (entry.arm() == Arm.HOLDOUT) continue;
            if (left-- <= 0) break;
            give(outreach, entry);
        }
        return added.size();
    }

    private void give(Outreach outreach, Entry entry) {
        var merchant = new MerchantId(outreach.merchantId());
        var customer = new CustomerId(entry.customer());
        var reference = "outreach:" + outreach.campaignId() + ":" + entry.customer() + ":" + entry.occurrence();
        var offer = outreach.offer();
        switch (offer.kind()) {
            case COUPON -> coupons.grant(java.util.Objects.requireNonNull(offer.couponTemplateId()), customer,
                    reference);
            case POINTS -> loyalty.bonus(merchant, customer, java.util.Objects.requireNonNull(offer.points()),
                    reference);
            case STORED_VALUE -> storedValue.gift(merchant, customer,
                    java.util.Objects.requireNonNull(offer.amount()), reference);
            case NONE -> { }
        }
    }

    /** How many coupons the template can still give: none once it is inactive, expired or all given out. */
    private int couponsLeft(Offer offer, Instant now) {
        return coupons.template(java.util.Objects.requireNonNull(offer.couponTemplateId()))
                .filter(t -> t.claimableAt(now)).map(t -> t.terms().totalQuantity() - t.claimed()).orElse(0);
    }
}
