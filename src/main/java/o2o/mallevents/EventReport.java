package o2o.mallevents;

import java.util.List;

import o2o.campaigns.Figures;
import o2o.shared.Money;

/**
 * An event for its mall operator: its sign-ups (seats held, confirmed, waiting for payment), who came (checked in),
 * and what its campaign counted after the check-ins (orders at the mall's tenants and their net revenue).
 */
public record EventReport(MallEvent event, long holding, long confirmed, long pending, long checkedIn,
        List<SignUp> signUps, Figures followOn) {

    /** The net revenue the event's campaign counted (paid less refunded), never below zero. */
    public Money revenueAttributed() {
        return new Money(Math.max(0, followOn.netRevenueMinor()), event.terms().price().currency());
    }
}
