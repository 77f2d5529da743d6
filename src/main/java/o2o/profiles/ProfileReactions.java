package o2o.profiles;

import o2o.identity.BirthdaySet;
import o2o.identity.CustomersMerged;
import o2o.loyalty.MemberJoined;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.profiles.persistence.PendingProfiles;
import o2o.profiles.persistence.PendingProfiles.PendingFact;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The facts the profiles count, heard in the transaction that makes them and written down as pending with one
 * insert; the drain ({@link ProfileDrain}) adds them in batches. A walk-in's sale ({@code WalkInOrderPaid}) has no
 * customer to profile and is not heard; a top-up is stored value bought, not a visit. A merge of customers and a
 * birthday set are rare and heard after their commit.
 */
@Component
class ProfileReactions {

    private final PendingProfiles pending;
    private final ProfileMerges merges;
    private final BirthdayFacts birthdays;

    ProfileReactions(PendingProfiles pending, ProfileMerges merges, BirthdayFacts birthdays) {
        this.pending = pending;
        this.birthdays = birthdays;
        this.merges = merges;
    }

    @EventListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) return;
        pending.add(new PendingFact(ProfileProjection.PAID, paid.orderId().value().toString(),
                paid.merchantId().value(), paid.customerId().value(), paid.orderId().value(), paid.total().minor(),
                paid.at()));
    }

    @EventListener
    void on(OrderRefunded refunded) {
        if (refunded.customerId() == null) return;
        pending.add(new PendingFact(ProfileProjection.REFUND,
                refunded.orderId().value() + ":" + refunded.reference(), refunded.merchantId().value(),
                refunded.customerId().value(), refunded.orderId().value(), refunded.amount().minor(),
                refunded.at()));
    }

    @EventListener
    void on(MemberJoined joined) {
        var merchant = joined.merchantId().value();
        pending.add(new PendingFact(ProfileProjection.MEMBER, merchant + ":" + joined.customerId().value(), merchant,
                joined.customerId().value(), null, 0, joined.at()));
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        merges.move(merged.sourceId(), merged.targetId());
    }

    @ApplicationModuleListener
    void on(BirthdaySet set) {
        birthdays.set(set.customerId(), set.birthday());
    }
}
