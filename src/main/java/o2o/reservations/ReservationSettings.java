package o2o.reservations;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A store's booking rules.
 *
 * @param slots bookable start times per weekday, in the store's time zone; a weekday without any takes no bookings
 * @param tableTypes the table types, smallest first; a party books the first type whose sizes fit it
 * @param daysAhead how many days ahead a slot may be booked (0: today only)
 * @param cutoffMinutes bookings close this long before the slot starts
 * @param deposit per booking, or per person when {@code depositPerPerson}; zero for none
 * @param freeCancelHours until this long before the slot a cancellation gets the deposit back in full
 * @param reminderMinutes the reminder goes out this long before the slot
 */
public record ReservationSettings(Map<DayOfWeek, List<LocalTime>> slots, List<TableType> tableTypes, int daysAhead,
        int cutoffMinutes, Money deposit, boolean depositPerPerson, int freeCancelHours, int reminderMinutes) {

    static final long MAX_DEPOSIT_MINOR = 10_000_000;

    /** Party sizes from {@code minParty} to {@code maxParty}, with {@code tables} of them bookable in each slot. */
    public record TableType(String name, int minParty, int maxParty, int tables) {

        public TableType {
            name = name.strip();
            if (name.isEmpty() || name.length() > 20) throw new InvalidInput("tableTypes.name", "1-20 characters");
            if (minParty < 1 || maxParty > 99 || minParty > maxParty) {
                throw new InvalidInput("tableTypes.partySize", "1 <= minParty <= maxParty <= 99");
            }
            if (tables < 0 || tables > 999) throw new InvalidInput("tableTypes.tables", "between 0 and 999");
        }

        public boolean fits(int partySize) {
            return partySize >= minParty && partySize <= maxParty;
        }
    }

    public ReservationSettings {
        var days = new EnumMap<DayOfWeek, List<LocalTime>>(DayOfWeek.class);
        slots.forEach((day, times) -> {
            var sorted = new TreeSet<>(times);
            if (sorted.size() != times.size()) throw new InvalidInput("slots", day + " lists a time twice");
            if (sorted.size() > 48) throw new InvalidInput("slots", "at most 48 a day");
            if (!sorted.isEmpty()) days.put(day, List.copyOf(sorted));
        });
        slots = days;
        if (tableTypes.isEmpty() || tableTypes.size() > 12) throw new InvalidInput("tableTypes", "1 to 12 types");
        var names = new HashSet<String>();
        for (var type : tableTypes) {
            if (!names.add(type.name())) throw new InvalidInput("tableTypes.name", "'" + type.name() + "' twice");
        }
        tableTypes = tableTypes.stream()
                .sorted((a, b) -> a.maxParty() != b.maxParty() ? Integer.compare(a.maxParty(), b.maxParty())
                        : Integer.compare(a.minParty(), b.minParty()))
                .toList();
        if (daysAhead < 0 || daysAhead > 365) throw new InvalidInput("daysAhead", "between 0 and 365");
        if (cutoffMinutes < 0 || cutoffMinutes > 10080) throw new InvalidInput("cutoffMinutes", "between 0 and 10080");
        if (deposit.minor() > MAX_DEPOSIT_MINOR) throw new InvalidInput("depositMinor", "at most 10000000");
        if (freeCancelHours < 0 || freeCancelHours > 720) throw new InvalidInput("freeCancelHours", "between 0 and 720");
        if (reminderMinutes < 0 || reminderMinutes > 10080) {
            throw new InvalidInput("reminderMinutes", "between 0 and 10080");
        }
    }

    public List<LocalTime> slotsOn(DayOfWeek day) {
        return slots.getOrDefault(day, List.of());
    }

    /** The smallest type that seats the party and has tables. */
    public @Nullable TableType typeFor(int partySize) {
        return tableTypes.stream().filter(t -> t.tables() > 0 && t.fits(partySize)).findFirst().orElse(null);
    }

    public Money depositFor(int partySize) {
        return depositPerPerson ? deposit.times(partySize) : deposit;
    }

    public int largestParty() {
        return tableTypes.stream().filter(t -> t.tables() > 0).mapToInt(TableType::maxParty).max().orElse(0);
    }

    /** Start times typed like "11:30, 12:00 17:30" (commas, spaces or semicolons between them). */
    public static List<LocalTime> parseTimes(String field, @Nullable String text) {
        var times = new ArrayList<LocalTime>();
        if (text == null) return times;
        for (var part : text.split("[,，;；\\s]+")) {
            if (part.isBlank()) continue;
            times.add(parseTime(field, part));
        }
        return times;
    }

    public static LocalTime parseTime(String field, String text) {
        try {
            var time = LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
            if (time.getSecond() != 0 || time.getNano() != 0) throw new InvalidInput(field, "a time like 18:00");
            return time;
        } catch (DateTimeException e) {
            throw new InvalidInput(field, "'" + text + "' is not a time like 18:00");
        }
    }

    /** The slots as stored: seven entries, Monday first, each "11:30,12:00" or empty. */
    public String[] slotsColumn() {
        var column = new String[7];
        for (var day : DayOfWeek.values()) {
            column[day.getValue() - 1] = String.join(",", slotsOn(day).stream().map(LocalTime::toString).toList());
        }
        return column;
    }

    public static Map<DayOfWeek, List<LocalTime>> slotsFromColumn(String[] column) {
        var days = new EnumMap<DayOfWeek, List<LocalTime>>(DayOfWeek.class);
        for (int i = 0; i < column.length && i < 7; i++) days.put(DayOfWeek.of(i + 1), parseTimes("slots", column[i]));
        return days;
    }
}
