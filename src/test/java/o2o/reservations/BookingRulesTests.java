package o2o.reservations;

import static o2o.reservations.ReservationStatus.CANCELLED;
import static o2o.reservations.ReservationStatus.CONFIRMED;
import static o2o.reservations.ReservationStatus.EXPIRED;
import static o2o.reservations.ReservationStatus.NO_SHOW;
import static o2o.reservations.ReservationStatus.PENDING_DEPOSIT;
import static o2o.reservations.ReservationStatus.SEATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.merchants.OpeningHours;
import o2o.merchants.Store;
import o2o.reservations.ReservationSettings.TableType;
import o2o.shared.GeoPoint;
import o2o.shared.Money;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;

class BookingRulesTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    private static final Map<ReservationStatus, Set<ReservationStatus>> LEGAL = Map.of(
            PENDING_DEPOSIT, EnumSet.of(CONFIRMED, EXPIRED, CANCELLED),
            CONFIRMED, EnumSet.of(SEATED, NO_SHOW, CANCELLED),
            SEATED, EnumSet.noneOf(ReservationStatus.class),
            NO_SHOW, EnumSet.noneOf(ReservationStatus.class),
            CANCELLED, EnumSet.noneOf(ReservationStatus.class),
            EXPIRED, EnumSet.noneOf(ReservationStatus.class));

    @Test
    void aBookingMakesEveryLegalMoveAndNoOther() {
        for (var from : ReservationStatus.values()) {
            for (var to : ReservationStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(LEGAL.get(from).contains(to));
            }
            assertThat(from.cancellable()).isEqualTo(LEGAL.get(from).contains(CANCELLED));
        }
    }

    private static Instant at(LocalDate date, String time) {
        return LocalTime.parse(time).atDate(date).atZone(SHANGHAI).toInstant();
    }

    private static ReservationSettings settings(Money deposit, boolean perPerson) {
        var slots = new EnumMap<DayOfWeek, List<LocalTime>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (day != DayOfWeek.TUESDAY) slots.put(day, List.of(LocalTime.of(12, 0), LocalTime.of(18, 0)));
        }
        return new ReservationSettings(slots, List.of(new TableType("小桌", 1, 2, 3), new TableType("大桌", 3, 8, 1)),
                7, 60, deposit, perPerson, 24, 120);
    }

    private static BookingWindow window(Instant now) {
        var store = new Store(UUID.randomUUID(), UUID.randomUUID(), "面馆", "人民路店", "人民路 1 号", "上海",
                new GeoPoint(31.2, 121.4), null, SHANGHAI, OpeningHours.everyDay("10:00-22:00"), 3000, "FOOD",
                List.of(), List.of(), true, true);
        return new BookingWindow(store, settings(Money.cny(0), false), now);
    }

    @Test
    void aDateIsBookableFromTodayForTheDaysAheadOnDaysWithSlots() {
        var window = window(at(MONDAY, "09:00"));

        assertThat(window.dayRefusal(MONDAY)).isNull();
        assertThat(window.dayRefusal(MONDAY.minusDays(1))).isEqualTo(BookingRule.IN_PAST);
        assertThat(window.dayRefusal(MONDAY.plusDays(8))).isEqualTo(BookingRule.TOO_FAR_AHEAD);
        assertThat(window.dayRefusal(MONDAY.plusDays(1))).isEqualTo(BookingRule.DAY_CLOSED);
    }

    @Test
    void aSlotClosesAtItsCutOff() {
        assertThat(window(at(MONDAY, "10:59")).check(MONDAY, LocalTime.NOON)).isEqualTo(at(MONDAY, "12:00"));
        assertThatThrownBy(() -> window(at(MONDAY, "11:01")).check(MONDAY, LocalTime.NOON))
                .isInstanceOf(Problem.class).extracting(e -> ((Problem) e).slug())
                .isEqualTo("reservation-past-cutoff");
        assertThatThrownBy(() -> window(at(MONDAY, "12:30")).check(MONDAY, LocalTime.NOON))
                .extracting(e -> ((Problem) e).slug()).isEqualTo("reservation-in-past");
        assertThatThrownBy(() -> window(at(MONDAY, "09:00")).check(MONDAY, LocalTime.of(13, 0)))
                .extracting(e -> ((Problem) e).slug()).isEqualTo("reservation-no-such-slot");
    }

    @Test
    void aDayShowsWhatIsLeftOfTheTypeAPartyBooks() {
        var day = window(at(MONDAY, "09:00")).day(MONDAY, 2, (time, type) -> time.equals(LocalTime.NOON) ? 2 : 0);

        assertThat(day.tableType()).isEqualTo("小桌");
        assertThat(day.slots()).extracting(DaySlots.Slot::left).containsExactly(1, 3);
        assertThat(day.reason()).isNull();
        assertThat(window(at(MONDAY, "09:00")).day(MONDAY.plusDays(1), null, (t, type) -> 0).reason())
                .isEqualTo("reservation-day-closed");
    }

    private static Reservation booking(ReservationStatus status, LocalDate date, Instant freeCancelUntil) {
        return new Reservation(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), date,
                LocalTime.NOON, at(date, "12:00"), "小桌", 2, "王", "13800000000", "", status, Money.cny(5000),
                UUID.randomUUID(), freeCancelUntil, Instant.EPOCH, null, null, null, null, null, null, null, null,
                null);
    }

    @Test
    void aPaidDepositComesBackWhenTheStoreCancelsOrTheCustomerCancelsInTime() {
        var booking = booking(CONFIRMED, MONDAY, at(MONDAY.minusDays(1), "12:00"));

        assertThat(booking.refundsDepositOnCancel(CancelledBy.STAFF, at(MONDAY, "11:00"))).isTrue();
        assertThat(booking.refundsDepositOnCancel(CancelledBy.CUSTOMER, at(MONDAY.minusDays(2), "12:00"))).isTrue();
        assertThat(booking.refundsDepositOnCancel(CancelledBy.CUSTOMER, at(MONDAY, "11:00"))).isFalse();
    }

    @Test
    void onlyAConfirmedBookingOfTodayChecksIn() {
        booking(CONFIRMED, MONDAY, Instant.EPOCH).checkInOn(MONDAY);
        assertThatThrownBy(() -> booking(CONFIRMED, MONDAY, Instant.EPOCH).checkInOn(MONDAY.plusDays(1)))
                .extracting(e -> ((Problem) e).slug()).isEqualTo("reservation-not-today");
        for (var status : EnumSet.complementOf(EnumSet.of(CONFIRMED))) {
            assertThatThrownBy(() -> booking(status, MONDAY, Instant.EPOCH).checkInOn(MONDAY))
                    .extracting(e -> ((Problem) e).slug()).isEqualTo("reservation-not-confirmed");
        }
    }

    @Test
    void aNoShowIsMarkedFromFifteenMinutesAfterTheSlotOfAConfirmedBooking() {
        booking(CONFIRMED, MONDAY, Instant.EPOCH).noShowAt(at(MONDAY, "12:15"));
        assertThatThrownBy(() -> booking(CONFIRMED, MONDAY, Instant.EPOCH).noShowAt(at(MONDAY, "12:14")))
                .extracting(e -> ((Problem) e).slug()).isEqualTo("reservation-too-early");
        assertThatThrownBy(() -> booking(SEATED, MONDAY, Instant.EPOCH).noShowAt(at(MONDAY, "12:30")))
                .extracting(e -> ((Problem) e).slug()).isEqualTo("reservation-not-confirmed");
    }

    @Test
    void aBookingWithoutDepositIsConfirmedAtOnceAndOneWithWaitsForIt() {
        var request = new NewReservation(UUID.randomUUID(), MONDAY, LocalTime.NOON, 2, "王",
                new PhoneNumber("13800000000"), "");
        var now = at(MONDAY, "09:00");

        var free = NewBooking.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), request,
                at(MONDAY, "12:00"), "小桌", settings(Money.cny(0), false), null, now);
        var paid = NewBooking.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), request,
                at(MONDAY, "12:00"), "小桌", settings(Money.cny(1000), true), UUID.randomUUID(), now);

        assertThat(free.status()).isEqualTo(CONFIRMED);
        assertThat(free.confirmedAt()).isEqualTo(now);
        assertThat(free.remindedAt()).isNull();
        assertThat(free.freeCancelUntil()).isEqualTo(at(MONDAY.minusDays(1), "12:00"));
        assertThat(paid.status()).isEqualTo(PENDING_DEPOSIT);
        assertThat(paid.deposit()).isEqualTo(Money.cny(2000));
        assertThat(paid.confirmedAt()).isNull();
    }

    @Test
    void aBookingMadeAfterItsReminderTimeCountsAsReminded() {
        var request = new NewReservation(UUID.randomUUID(), MONDAY, LocalTime.NOON, 2, "王",
                new PhoneNumber("13800000000"), "");
        var now = at(MONDAY, "10:30");

        var booking = NewBooking.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), request,
                at(MONDAY, "12:00"), "小桌", settings(Money.cny(0), false), null, now);

        assertThat(booking.remindedAt()).isEqualTo(now);
    }

    @Test
    void whoCancelledIsStoredInLowerCase() {
        assertThat(CancelledBy.STAFF.value()).isEqualTo("staff");
        assertThat(CancelledBy.of("customer")).isEqualTo(CancelledBy.CUSTOMER);
    }
}
