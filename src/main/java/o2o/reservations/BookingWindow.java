package o2o.reservations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.function.ToIntBiFunction;

import o2o.merchants.Store;
import org.jspecify.annotations.Nullable;

/** Which dates and slots of a store can be booked now under its booking rules. */
record BookingWindow(Store store, ReservationSettings settings, Instant now) {

    /** The rule that keeps the whole date from being booked, or null. */
    @Nullable BookingRule dayRefusal(LocalDate date) {
        var today = LocalDate.ofInstant(now, store.timeZone());
        if (date.isBefore(today)) return BookingRule.IN_PAST;
        if (date.isAfter(today.plusDays(settings.daysAhead()))) return BookingRule.TOO_FAR_AHEAD;
        if (settings.slotsOn(date.getDayOfWeek()).isEmpty()) return BookingRule.DAY_CLOSED;
        return null;
    }

    /** The rule that keeps a slot starting then from being booked now, or null. */
    @Nullable BookingRule slotRefusal(Instant startsAt) {
        if (!startsAt.isAfter(now)) return BookingRule.IN_PAST;
        if (now.isAfter(startsAt.minus(Duration.ofMinutes(settings.cutoffMinutes())))) return BookingRule.PAST_CUTOFF;
        if (!store.isOpenAt(startsAt)) return BookingRule.DAY_CLOSED;
        return null;
    }

    /** Refuses a booking of this slot: the date, a start time the store offers that day, then the slot itself. */
    Instant check(LocalDate date, LocalTime time) {
        var day = dayRefusal(date);
        if (day != null) throw day.broken();
        if (!settings.slotsOn(date.getDayOfWeek()).contains(time)) throw BookingRule.NO_SUCH_SLOT.broken();
        var startsAt = startsAt(date, time);
        var slot = slotRefusal(startsAt);
        if (slot != null) throw slot.broken();
        return startsAt;
    }

    Instant startsAt(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, store.timeZone()).toInstant();
    }

    /**
     * The slots of a date with what is left of each table type ({@code booked} says how many of a type are taken at a
     * time); for a party size, what is left of the type it books.
     */
    DaySlots day(LocalDate date, @Nullable Integer partySize, ToIntBiFunction<LocalTime, String> booked) {
        var type = partySize == null ? null : settings.typeFor(partySize);
        var reason = dayRefusal(date);
        var slots = settings.slotsOn(date.getDayOfWeek()).stream().map(time -> {
            var startsAt = startsAt(date, time);
            boolean bookable = reason == null && slotRefusal(startsAt) == null;
            var types = settings.tableTypes().stream().map(t -> {
                int taken = booked.applyAsInt(time, t.name());
                return new DaySlots.TypeLeft(t.name(), t.minParty(), t.maxParty(), t.tables(), taken,
                        Math.max(0, t.tables() - taken));
            }).toList();
            int left = type != null
                    ? types.stream().filter(t -> t.name().equals(type.name())).mapToInt(DaySlots.TypeLeft::left).sum()
                    : partySize != null ? 0 : types.stream().mapToInt(DaySlots.TypeLeft::left).sum();
            return new DaySlots.Slot(time, startsAt, bookable, left, types);
        }).toList();
        return new DaySlots(date, settings.slotsOn(date.getDayOfWeek()).isEmpty(),
                reason == null ? null : reason.slug(), partySize, type == null ? null : type.name(),
                settings.depositFor(partySize == null ? 1 : partySize), settings.depositPerPerson(),
                settings.freeCancelHours(), slots);
    }
}
