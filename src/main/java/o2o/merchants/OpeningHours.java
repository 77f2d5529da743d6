package o2o.merchants;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import o2o.shared.InvalidInput;

/**
 * When a store is open, per weekday, in the store's own time zone. A range may run past midnight ("18:00-02:00"
 * belongs to the day it starts); a range whose ends are equal ("00:00-00:00") is the whole day. No range: closed.
 */
public record OpeningHours(Map<DayOfWeek, List<Range>> days) {

    public record Range(LocalTime opens, LocalTime closes) {

        static Range parse(String text) {
            var parts = text.strip().split("-");
            if (parts.length != 2) throw new InvalidInput("openingHours", "'" + text + "' is not like 09:00-21:00");
            try {
                return new Range(time(parts[0].strip()), time(parts[1].strip()));
            } catch (DateTimeException | NumberFormatException e) {
                throw new InvalidInput("openingHours", "'" + text + "' is not like 09:00-21:00");
            }
        }

        /** "HH:mm" without the general parser, which showed up in search profiles; anything else goes to it. */
        private static LocalTime time(String text) {
            if (text.length() == 5 && text.charAt(2) == ':') {
                return LocalTime.of(Integer.parseInt(text, 0, 2, 10), Integer.parseInt(text, 3, 5, 10));
            }
            return LocalTime.parse(text);
        }

        boolean overnight() {
            return !closes.isAfter(opens);
        }

        /** Open at this time of the day the range starts on. */
        boolean coversSameDay(LocalTime t) {
            return overnight() ? !t.isBefore(opens) : !t.isBefore(opens) && t.isBefore(closes);
        }

        /** Open at this time of the day after the range started (the part past midnight). */
        boolean coversNextDay(LocalTime t) {
            return overnight() && !opens.equals(closes) && t.isBefore(closes);
        }

        @Override
        public String toString() {
            return opens + "-" + closes;
        }
    }

    public OpeningHours {
        var copy = new EnumMap<DayOfWeek, List<Range>>(DayOfWeek.class);
        days.forEach((day, ranges) -> {
            if (!ranges.isEmpty()) copy.put(day, List.copyOf(ranges));
        });
        days = copy;
    }

    public static OpeningHours closed() {
        return new OpeningHours(Map.of());
    }

    /** The same hours every day, e.g. {@code everyDay("10:00-22:00")}. */
    public static OpeningHours everyDay(String... ranges) {
        var days = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) days.put(day, List.of(ranges));
        return parse(days);
    }

    /** From the API/page form: weekday to ranges like "09:00-21:00". */
    public static OpeningHours parse(Map<DayOfWeek, List<String>> text) {
        var days = new EnumMap<DayOfWeek, List<Range>>(DayOfWeek.class);
        text.forEach((day, ranges) -> days.put(day, ranges.stream().filter(r -> !r.isBlank()).map(Range::parse).toList()));
        return new OpeningHours(days);
    }

    /**
     * From the database column: seven entries, Monday first, each "09:00-14:00,17:00-22:00" or empty. Stores share a
     * handful of patterns, so parsed hours are remembered by their column text (up to a bound).
     */
    public static OpeningHours fromColumn(String[] perDay) {
        var key = List.of(perDay);
        var known = PARSED.get(key);
        if (known != null) return known;
        var parsed = parseColumn(perDay);
        if (PARSED.size() < 10_000) PARSED.put(key, parsed);
        return parsed;
    }

    private static final Map<List<String>, OpeningHours> PARSED = new ConcurrentHashMap<>();

    private static OpeningHours parseColumn(String[] perDay) {
        var days = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (int i = 0; i < perDay.length && i < 7; i++) {
            days.put(DayOfWeek.of(i + 1), perDay[i].isBlank() ? List.of() : Arrays.asList(perDay[i].split(",")));
        }
        return parse(days);
    }

    public String[] toColumn() {
        var column = new String[7];
        for (var day : DayOfWeek.values()) {
            column[day.getValue() - 1] = String.join(",",
                    days.getOrDefault(day, List.of()).stream().map(Range::toString).toList());
        }
        return column;
    }

    public Map<DayOfWeek, List<String>> asText() {
        var text = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        days.forEach((day, ranges) -> text.put(day, ranges.stream().map(Range::toString).toList()));
        return text;
    }

    /** One day's ranges as typed on the store form, e.g. "11:00-14:00, 17:00-22:00". */
    public String textOf(DayOfWeek day) {
        return String.join(", ", days.getOrDefault(day, List.of()).stream().map(Range::toString).toList());
    }

    public boolean isOpenAt(ZonedDateTime time) {
        var t = time.toLocalTime();
        var today = time.getDayOfWeek();
        var yesterday = today.minus(1);
        return days.getOrDefault(today, List.of()).stream().anyMatch(r -> r.coversSameDay(t))
                || days.getOrDefault(yesterday, List.of()).stream().anyMatch(r -> r.coversNextDay(t));
    }

    /** Hours as typed on the store form, one day per entry: "11:00-14:00, 17:00-22:00". */
    public static OpeningHours parseForm(Map<DayOfWeek, String> perDay) {
        var days = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        perDay.forEach((day, text) -> days.put(day, splitDay(text == null ? "" : text)));
        return parse(days);
    }

    private static List<String> splitDay(String text) {
        var ranges = new ArrayList<String>();
        for (var part : text.split("[,，;；\\s]+")) {
            if (!part.isBlank()) ranges.add(part);
        }
        return ranges;
    }
}
