package o2o.delivery;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a delivery order stands. The happy path only goes forward and may skip steps (a provider may report a courier
 * and the pick-up at once); it never goes back. CANCELLED ends it before the courier has it, RETURNED after; both, like
 * DELIVERED, are final. A courier handing over to another keeps the state (a reassignment is recorded in the history).
 */
public enum DeliveryStatus {
    CREATED, ACCEPTED, COURIER_ASSIGNED, PICKED_UP, DELIVERED, CANCELLED, RETURNED;

    private static final Set<DeliveryStatus> FINAL = EnumSet.of(DELIVERED, CANCELLED, RETURNED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Whether an order in this state may move to {@code to}: forward along the path, or to the end that fits. */
    public boolean canBecome(DeliveryStatus to) {
        if (isFinal() || to == this) return false;
        return switch (to) {
            case CREATED -> false;
            case ACCEPTED, COURIER_ASSIGNED, PICKED_UP, DELIVERED -> to.ordinal() > ordinal();
            case CANCELLED -> ordinal() < PICKED_UP.ordinal();
            case RETURNED -> this == PICKED_UP;
        };
    }

    /** The states an order may come from to reach {@code to}: the guard of the one conditional update. */
    public static Set<DeliveryStatus> from(DeliveryStatus to) {
        var from = EnumSet.noneOf(DeliveryStatus.class);
        for (var status : values()) if (status.canBecome(to)) from.add(status);
        return from;
    }

    /** Whether the courier carrying it (or about to) is set: assigned or on the way. */
    public boolean withCourier() {
        return this == COURIER_ASSIGNED || this == PICKED_UP;
    }
}
