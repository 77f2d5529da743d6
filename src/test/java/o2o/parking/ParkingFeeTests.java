package o2o.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;

/** The fee of a stay: free minutes, started hours, the cap of each local day, free hours, the grace after paying. */
class ParkingFeeTests {

    /** 15 free minutes, ¥10 an hour, ¥60 a day, 15 minutes' grace, an hour per ¥100 (at most 3), 金卡 2 hours. */
    private static final ParkingRules RULES = new ParkingRules(15, 1000, 6000, 15, 10000, 3, Map.of("金卡", 2));

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(ParkingRules.ZONE).toInstant();
    }

    private static long fee(String from, String to, int freeHours) {
        return RULES.fee(shanghai(from), shanghai(to), freeHours).net().minor();
    }

    @Test
    void exactlyTheFreeMinutesCostNothingAndASecondMoreCostsAWholeHour() {
        var in = shanghai("2026-05-01T10:00:00");
        assertThat(RULES.fee(in, in, 0).net().minor()).isZero();
        assertThat(RULES.fee(in, in.plus(Duration.ofMinutes(15)), 0).net().minor()).isZero();
        var justOver = RULES.fee(in, in.plus(Duration.ofMinutes(15)).plusSeconds(1), 0);
        assertThat(justOver.hours()).isEqualTo(1);
        assertThat(justOver.net().minor()).isEqualTo(1000);
    }

    @Test
    void everyStartedHourCountsFromTheEntry() {
        assertThat(fee("2026-05-01T10:00:00", "2026-05-01T11:00:00", 0)).isEqualTo(1000);
        assertThat(fee("2026-05-01T10:00:00", "2026-05-01T11:00:01", 0)).isEqualTo(2000);
        assertThat(fee("2026-05-01T10:00:00", "2026-05-01T12:59:59", 0)).isEqualTo(3000);
    }

    @Test
    void aDayCostsAtMostItsCap() {
        assertThat(fee("2026-05-01T09:00:00", "2026-05-01T15:00:00", 0)).isEqualTo(6000);
        assertThat(fee("2026-05-01T09:00:00", "2026-05-01T21:00:00", 0)).as("12 hours in one day").isEqualTo(6000);
    }

    @Test
    void crossingMidnightCountsEachHourOnTheDayItStartsAndCapsEachDay() {
        // 22:00–02:00: two hours on the 1st, two on the 2nd
        assertThat(fee("2026-05-01T22:00:00", "2026-05-02T02:00:00", 0)).isEqualTo(4000);
        // 23:50–00:20 is one started hour (it starts on the 1st), not one on each day
        assertThat(fee("2026-05-01T23:50:00", "2026-05-02T00:20:00", 0)).isEqualTo(1000);
        // 18:00–10:00: six hours on the 1st (capped at 60), ten on the 2nd (capped at 60)
        assertThat(fee("2026-05-01T18:00:00", "2026-05-02T10:00:00", 0)).isEqualTo(12000);
        // three days and a bit: 60 + 60 + 60 + 10
        assertThat(fee("2026-05-01T00:00:00", "2026-05-04T00:30:00", 0)).isEqualTo(19000);
    }

    @Test
    void freeHoursTakeAnHoursPriceEachButNeverMoreThanTheFee() {
        assertThat(fee("2026-05-01T10:00:00", "2026-05-01T13:10:00", 2)).isEqualTo(2000);
        assertThat(fee("2026-05-01T10:00:00", "2026-05-01T11:30:00", 5)).isZero();
        var capped = RULES.fee(shanghai("2026-05-01T09:00:00"), shanghai("2026-05-01T21:00:00"), 2);
        assertThat(capped.gross().minor()).isEqualTo(6000);
        assertThat(capped.discount().minor()).isEqualTo(2000);
        assertThat(capped.net().minor()).isEqualTo(4000);
    }

    @Test
    void tiersAndTheDaysSpendGiveFreeHours() {
        assertThat(RULES.hoursForTier("金卡")).isEqualTo(2);
        assertThat(RULES.hoursForTier("银卡")).isZero();
        assertThat(RULES.hoursForTier(null)).isZero();
        assertThat(RULES.hoursForSpend(9999)).isZero();
        assertThat(RULES.hoursForSpend(10000)).isEqualTo(1);
        assertThat(RULES.hoursForSpend(25000)).isEqualTo(2);
        assertThat(RULES.hoursForSpend(1_000_000)).as("at most 3").isEqualTo(3);
        var none = new ParkingRules(15, 1000, 6000, 15, 0, 3, Map.of());
        assertThat(none.hoursForSpend(1_000_000)).isZero();
    }

    @Test
    void aStayPaidInAdvanceOwesNothingWithinTheGraceAndTheRestAfterIt() {
        var in = shanghai("2026-05-01T10:00:00");
        var paidAt = shanghai("2026-05-01T11:50:00");
        var session = new ParkingSession(java.util.UUID.randomUUID(), new o2o.malls.MallId(java.util.UUID.randomUUID()),
                new Plate("沪A12345"), "E1", in, ParkingSession.Status.PAID,
                new ParkingSession.Payment(new o2o.shared.CustomerId(java.util.UUID.randomUUID()), paidAt, 2000,
                        Money.cny(2000)), null);
        var grace = Duration.ofMinutes(15);
        var atGraceEnd = paidAt.plus(grace);
        assertThat(session.dueAt(atGraceEnd, RULES.fee(in, atGraceEnd, 0).net(), grace).minor()).isZero();
        var late = atGraceEnd.plusSeconds(1);
        assertThat(session.dueAt(late, RULES.fee(in, late, 0).net(), grace).minor()).as("a third hour").isEqualTo(1000);
        assertThat(session.leaveBy(grace)).isEqualTo(atGraceEnd);
    }

    @Test
    void badRulesAndAnExitBeforeTheEntryAreRefused() {
        assertThatThrownBy(() -> new ParkingRules(-1, 1000, 6000, 15, 0, 0, Map.of())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ParkingRules(15, 1000, 500, 15, 0, 0, Map.of())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ParkingRules(15, 1000, 6000, 15, 0, 0, Map.of("金卡", 25)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ParkingRules(15, 1000, 6000, 15, 0, 0, Map.of(" ", 1)))
                .isInstanceOf(InvalidInput.class);
        var in = shanghai("2026-05-01T10:00:00");
        assertThatThrownBy(() -> RULES.fee(in, in.minusSeconds(1), 0)).isInstanceOf(InvalidInput.class);
    }
}
