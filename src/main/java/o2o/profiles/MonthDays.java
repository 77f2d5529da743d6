package o2o.profiles;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * Birthdays as segments compare them: month * 100 + day ({@code 517} is 17 May), the year left out. A birthday on
 * 29 February falls on 1 March in a year without one.
 */
final class MonthDays {

    /** The furthest ahead a "birthday within N days" condition looks: a whole year. */
    static final long MAX_AHEAD = 366;

    private MonthDays() {}

    static int of(MonthDay day) {
        return day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    static int of(LocalDate day) {
        return of(MonthDay.from(day));
    }

    /** The month-days of the days {@code fromDays} to {@code toDays} after {@code today}, both included. */
    static List<Integer> ahead(LocalDate today, long fromDays, long toDays) {
        var days = new ArrayList<Integer>();
        for (long n = fromDays; n <= toDays; n++) {
            var day = today.plusDays(n);
            var md = of(day);
            if (!days.contains(md)) days.add(md);
            if (md == 301 && !day.isLeapYear() && !days.contains(229)) days.add(229);
        }
        return days;
    }

    /** The first and last month-day of a month (1–12), for a "birthday in month M" condition. */
    static int firstOf(int month) {
        return month * 100 + 1;
    }

    static int lastOf(int month) {
        return month * 100 + 31;
    }
}
