package o2o.pickup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import o2o.merchants.Store;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** When an order placed at a store now can be collected, given how long the store needs to prepare it. */
record PickupWindow(Store store, Duration preparation, Instant now) {

    /** As soon as possible when the store is open now and then; the quarter hours of today it is open from then. */
    PickupTimes times() {
        var earliest = earliest().atZone(store.timeZone());
        var slots = new ArrayList<LocalTime>();
        var today = now.atZone(store.timeZone()).toLocalDate();
        var slot = earliest.truncatedTo(ChronoUnit.HOURS);
        while (slot.isBefore(earliest)) slot = slot.plusMinutes(15);
        for (; slot.toLocalDate().equals(today); slot = slot.plusMinutes(15)) {
            if (store.isOpenAt(slot.toInstant())) slots.add(slot.toLocalTime());
        }
        return new PickupTimes(store.isOpenAt(now) && store.isOpenAt(earliest.toInstant()), slots,
                (int) preparation.toMinutes(), store.timeZone());
    }

    /**
     * When an order for this time today (null: as soon as possible) is to be collected; 409 {@code
     * pickup-store-closed} or {@code pickup-time-unavailable} when it cannot be.
     */
    Instant pickupAt(@Nullable LocalTime time) {
        var earliest = earliest();
        if (time == null) {
            if (!store.isOpenAt(now) || !store.isOpenAt(earliest)) {
                throw new Problem(HttpStatus.CONFLICT, "pickup-store-closed",
                        store.name() + " is not taking orders now", store.name());
            }
            return earliest;
        }
        var local = now.atZone(store.timeZone());
        ZonedDateTime at = local.toLocalDate().atTime(time.truncatedTo(ChronoUnit.MINUTES)).atZone(store.timeZone());
        var earliestMinute = earliest.atZone(store.timeZone()).truncatedTo(ChronoUnit.MINUTES);
        if (at.isBefore(earliestMinute)) {
            throw new Problem(HttpStatus.CONFLICT, "pickup-time-unavailable",
                    time + " is too soon: the earliest is " + earliestMinute.toLocalTime(), time.toString());
        }
        if (!store.isOpenAt(at.toInstant())) {
            throw new Problem(HttpStatus.CONFLICT, "pickup-time-unavailable",
                    store.name() + " is not open at " + time, time.toString());
        }
        return at.toInstant();
    }

    private Instant earliest() {
        return now.plus(preparation);
    }
}
