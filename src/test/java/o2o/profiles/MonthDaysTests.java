package o2o.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MonthDaysTests {

    @Test
    void theDaysAheadWrapAtTheYearsEnd() {
        assertThat(MonthDays.ahead(LocalDate.of(2026, 12, 30), 0, 3)).containsExactly(1230, 1231, 101, 102);
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayFallsOnTheFirstOfMarchInAYearWithoutOne() {
        assertThat(MonthDays.ahead(LocalDate.of(2026, 2, 27), 0, 2)).containsExactly(227, 228, 301, 229);
        assertThat(MonthDays.ahead(LocalDate.of(2028, 2, 28), 0, 2)).containsExactly(228, 229, 301);
    }

    @Test
    void exactlyNDaysAheadIsOneDay() {
        assertThat(MonthDays.ahead(LocalDate.of(2026, 5, 14), 3, 3)).containsExactly(517);
    }

    @Test
    void aWholeYearAheadNamesEveryDayOnce() {
        assertThat(MonthDays.ahead(LocalDate.of(2026, 3, 1), 0, MonthDays.MAX_AHEAD)).hasSize(366)
                .doesNotHaveDuplicates();
    }
}
