package o2o.pickup;

import static o2o.pickup.PickupStatus.AWAITING_PAYMENT;
import static o2o.pickup.PickupStatus.CANCELLED;
import static o2o.pickup.PickupStatus.HANDED_OVER;
import static o2o.pickup.PickupStatus.PAID;
import static o2o.pickup.PickupStatus.READY;
import static o2o.pickup.PickupStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.merchants.OpeningHours;
import o2o.merchants.Store;
import o2o.shared.GeoPoint;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;

class PickupRulesTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final Map<PickupStatus, Set<PickupStatus>> LEGAL = Map.of(
            AWAITING_PAYMENT, EnumSet.of(PAID, CANCELLED),
            PAID, EnumSet.of(READY, HANDED_OVER, REFUNDED),
            READY, EnumSet.of(HANDED_OVER, REFUNDED),
            HANDED_OVER, EnumSet.noneOf(PickupStatus.class),
            REFUNDED, EnumSet.noneOf(PickupStatus.class),
            CANCELLED, EnumSet.noneOf(PickupStatus.class));

    @Test
    void anOrderMakesEveryLegalMoveAndNoOther() {
        for (var from : PickupStatus.values()) {
            for (var to : PickupStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    private static Store storeOpen(String hours) {
        return new Store(UUID.randomUUID(), UUID.randomUUID(), "面馆", "人民路店", "人民路 1 号", "上海",
                new GeoPoint(31.2, 121.4), null, SHANGHAI, OpeningHours.everyDay(hours), 3000, "FOOD", List.of(),
                List.of(), true, true);
    }

    private static Instant at(String localTime) {
        return LocalTime.parse(localTime).atDate(java.time.LocalDate.of(2026, 12, 7)).atZone(SHANGHAI).toInstant();
    }

    @Test
    void asSoonAsPossibleIsNowPlusThePreparation() {
        var window = new PickupWindow(storeOpen("10:00-22:00"), Duration.ofMinutes(15), at("12:00"));

        assertThat(window.pickupAt(null)).isEqualTo(at("12:15"));
    }

    @Test
    void asSoonAsPossibleNeedsTheStoreOpenNowAndWhenItIsReady() {
        var window = new PickupWindow(storeOpen("10:00-12:10"), Duration.ofMinutes(15), at("12:00"));

        assertThatThrownBy(() -> window.pickupAt(null)).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).slug()).isEqualTo("pickup-store-closed");
        assertThat(window.times().asapPossible()).isFalse();
    }

    @Test
    void aChosenTimeIsNoSoonerThanThePreparationAndWhileOpen() {
        var window = new PickupWindow(storeOpen("10:00-14:00"), Duration.ofMinutes(15), at("12:00"));

        assertThat(window.pickupAt(LocalTime.of(12, 30))).isEqualTo(at("12:30"));
        assertThatThrownBy(() -> window.pickupAt(LocalTime.of(12, 10))).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).slug()).isEqualTo("pickup-time-unavailable");
        assertThatThrownBy(() -> window.pickupAt(LocalTime.of(15, 0))).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).slug()).isEqualTo("pickup-time-unavailable");
    }

    @Test
    void theSlotsAreTodaysOpenQuarterHoursFromTheEarliest() {
        var window = new PickupWindow(storeOpen("10:00-13:00"), Duration.ofMinutes(20), at("12:00"));

        var times = window.times();

        assertThat(times.slots()).containsExactly(LocalTime.of(12, 30), LocalTime.of(12, 45));
        assertThat(times.asapPossible()).isTrue();
        assertThat(times.preparationMinutes()).isEqualTo(20);
    }
}
