package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import o2o.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class PeriodTests {

    private final Clock lateEveningUtc = Clock.fixed(Instant.parse("2026-03-31T17:00:00Z"), java.time.ZoneOffset.UTC);

    @Test
    void defaultsToTheLast30DaysInShanghai() {
        var period = Period.of(null, null, lateEveningUtc);
        assertThat(period.to()).as("01:00 on 1 April in Shanghai").isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(period.days()).isEqualTo(30);
    }

    @Test
    void thePreviousPeriodIsTheSameNumberOfDaysJustBefore() {
        var period = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7));
        assertThat(period.previous()).isEqualTo(new Period(LocalDate.of(2026, 2, 22), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void refusesAnEndBeforeTheStartAndMoreThan366Days() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThat(new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).days()).isEqualTo(366);
    }

    @Test
    void theWholeMonthsOfAPeriodAreThoseItCoversFromTheirFirstDayToTheirLast() {
        assertThat(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 30)).wholeMonths())
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
        assertThat(new Period(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 31)).wholeMonths())
                .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
        assertThat(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)).wholeMonths())
                .containsExactly(LocalDate.of(2026, 2, 1));
        assertThat(new Period(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 30)).wholeMonths()).isEmpty();
    }
}
