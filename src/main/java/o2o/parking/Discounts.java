package o2o.parking;

import org.jspecify.annotations.Nullable;

/**
 * Why a member's stay costs less: their tier in the mall's program and the free hours it gives, and what they spent
 * at the mall's tenants that day and the free hours that gives. No member (a plate nobody registered): none.
 */
public record Discounts(@Nullable String tier, int tierHours, long spentMinor, int purchaseHours) {

    public static final Discounts NONE = new Discounts(null, 0, 0, 0);

    public o2o.shared.Money spent() {
        return o2o.shared.Money.cny(spentMinor);
    }

    public int hours() {
        return tierHours + purchaseHours;
    }
}
