package o2o.merchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import o2o.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class OpeningHoursTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime at(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI);
    }

    @Test
    void isOpenInsideARangeAndClosedAtItsEnd() {
        var hours = OpeningHours.everyDay("11:00-14:00", "17:00-22:00");
        assertThat(hours.isOpenAt(at("2026-11-23T11:00"))).isTrue();
        assertThat(hours.isOpenAt(at("2026-11-23T13:59"))).isTrue();
        assertThat(hours.isOpenAt(at("2026-11-23T14:00"))).isFalse();
        assertThat(hours.isOpenAt(at("2026-11-23T16:30"))).isFalse();
        assertThat(hours.isOpenAt(at("2026-11-23T21:30"))).isTrue();
    }

    @Test
    void aLateNightRangeBelongsToTheDayItStarts() {
        // Friday 18:00 until Saturday 02:00, nothing else
        var hours = OpeningHours.parse(Map.of(DayOfWeek.FRIDAY, List.of("18:00-02:00")));
        assertThat(hours.isOpenAt(at("2026-11-27T23:00"))).isTrue();  // Friday
        assertThat(hours.isOpenAt(at("2026-11-28T01:30"))).isTrue();  // Saturday small hours
        assertThat(hours.isOpenAt(at("2026-11-28T02:00"))).isFalse();
        assertThat(hours.isOpenAt(at("2026-11-27T01:00"))).isFalse(); // Thursday's night was closed
    }

    @Test
    void equalEndsMeanOpenAllDay() {
        var hours = OpeningHours.everyDay("00:00-00:00");
        assertThat(hours.isOpenAt(at("2026-11-24T00:00"))).isTrue();
        assertThat(hours.isOpenAt(at("2026-11-24T23:59"))).isTrue();
    }

    @Test
    void aDayWithoutRangesIsClosed() {
        var hours = OpeningHours.parse(Map.of(DayOfWeek.MONDAY, List.of("09:00-18:00")));
        assertThat(hours.isOpenAt(at("2026-11-24T10:00"))).isFalse(); // a Tuesday
        assertThat(OpeningHours.closed().isOpenAt(at("2026-11-23T10:00"))).isFalse();
    }

    @Test
    void survivesTheRoundTripThroughTheDatabaseColumn() {
        var hours = OpeningHours.parse(Map.of(DayOfWeek.MONDAY, List.of("09:00-12:00", "13:00-18:00"),
                DayOfWeek.SUNDAY, List.of("18:00-02:00")));
        var column = hours.toColumn();
        assertThat(column).hasSize(7).startsWith("09:00-12:00,13:00-18:00").endsWith("18:00-02:00");
        assertThat(OpeningHours.fromColumn(column)).isEqualTo(hours);
    }

    @Test
    void readsTheStoreFormsFreeText() {
        var hours = OpeningHours.parseForm(Map.of(DayOfWeek.MONDAY, "10:00-14:00， 17:00-21:00", DayOfWeek.TUESDAY, ""));
        assertThat(hours.textOf(DayOfWeek.MONDAY)).isEqualTo("10:00-14:00, 17:00-21:00");
        assertThat(hours.textOf(DayOfWeek.TUESDAY)).isEmpty();
    }

    @Test
    void rejectsWhatIsNotATimeRange() {
        assertThatThrownBy(() -> OpeningHours.everyDay("9 to 5")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> OpeningHours.everyDay("25:00-26:00")).isInstanceOf(InvalidInput.class);
    }
}
