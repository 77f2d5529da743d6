package o2o.reservations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A store's bookable slots on one date with what is left of each table type.
 *
 * @param closed the store takes no bookings that day
 * @param reason why the day cannot be booked (a problem slug: past, too far ahead, closed), or null
 * @param tableType the type a party of the asked size books, or null when none fits (or no size was asked)
 * @param deposit the deposit for the asked party (per booking when no size was asked)
 */
public record DaySlots(LocalDate date, boolean closed, @Nullable String reason, @Nullable Integer partySize,
        @Nullable String tableType, Money deposit, boolean depositPerPerson, int freeCancelHours, List<Slot> slots) {

    /**
     * @param bookable still open for booking (not past its cut-off)
     * @param left what is left for the asked party's type, or of all types when no size was asked
     */
    public record Slot(LocalTime time, Instant startsAt, boolean bookable, int left, List<TypeLeft> types) {}

    public record TypeLeft(String name, int minParty, int maxParty, int capacity, int booked, int left) {}
}
