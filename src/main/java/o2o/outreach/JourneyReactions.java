package o2o.outreach;

import java.time.Instant;
import java.util.UUID;

import o2o.loyalty.MemberJoined;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.outreach.persistence.PendingJourneyFacts;
import o2o.outreach.persistence.PendingJourneyFacts.JourneyFact;
import o2o.vouchers.VoucherRedeemed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears the facts journeys start from, in the fact's own transaction, and writes one pending row only when the
 * merchant has an active journey of that kind: a new member (welcome) and a used purchase — a redeemed voucher, a paid
 * table bill, a member's POS sale — (review request).
 */
@Component
class JourneyReactions {

    private final Journeys journeys;
    private final PendingJourneyFacts pending;

    JourneyReactions(Journeys journeys, PendingJourneyFacts pending) {
        this.journeys = journeys;
        this.pending = pending;
    }

    @EventListener
    void on(MemberJoined joined) {
        add(OutreachKind.WELCOME, joined.merchantId().value(), joined.customerId().value(), "joined", joined.at());
    }

    @EventListener
    void on(VoucherRedeemed redeemed) {
        add(OutreachKind.REVIEW_REQUEST, redeemed.merchantId().value(), redeemed.customerId().value(),
                redeemed.orderId().value().toString(), redeemed.at());
    }

    @EventListener
    void on(OrderPaid paid) {
        if (paid.channel() != Channel.DINE_IN && paid.channel() != Channel.POS) return;
        add(OutreachKind.REVIEW_REQUEST, paid.merchantId().value(), paid.customerId().value(),
                paid.orderId().value().toString(), paid.at());
    }

    private void add(OutreachKind kind, UUID merchant, UUID customer, String occurrence, Instant at) {
        if (journeys.wants(kind, merchant)) {
            pending.add(new JourneyFact(kind.name(), merchant, customer, occurrence, at));
        }
    }
}
