package o2o.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import o2o.loyalty.RedemptionRules;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;

class PlateTests {

    @Test
    void standardAndNewEnergyPlatesAreTakenAsPeopleTypeThem() {
        assertThat(Plate.of("沪A12345").number()).isEqualTo("沪A12345");
        assertThat(Plate.of(" 沪a·12345 ").number()).isEqualTo("沪A12345");
        assertThat(Plate.of("沪AD12345").number()).isEqualTo("沪AD12345");
        assertThat(Plate.of("粤B 12345F").number()).isEqualTo("粤B12345F");
        assertThat(Plate.of("京A1234学").number()).isEqualTo("京A1234学");
        assertThat(Plate.of("苏E-AB123").number()).isEqualTo("苏EAB123");
    }

    @Test
    void anythingElseIsRefused() {
        for (var bad : new String[] {"", "12345", "沪12345", "沪A1234", "沪A123456789", "X A12345", "沪I12345",
                "沪AO1234", "沪AX123456", "沪A12345 ; drop"}) {
            assertThatThrownBy(() -> Plate.of(bad)).as(bad).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void aFeeIsPaidWithThePointsWorthAtLeastIt() {
        assertThat(MemberParking.pointsFor(Money.cny(2000), new RedemptionRules(100, 50, 0))).isEqualTo(2000);
        assertThat(MemberParking.pointsFor(Money.cny(2000), new RedemptionRules(10, 50, 0))).isEqualTo(200);
        // 150 points a yuan: steps of 3 points (2 fen); ¥10.01 needs 1501.5 → 1503 points, worth ¥10.02
        assertThat(MemberParking.pointsFor(Money.cny(1001), new RedemptionRules(150, 50, 0))).isEqualTo(1503);
        assertThat(new RedemptionRules(150, 50, 0).valueOf(1503).minor()).isGreaterThanOrEqualTo(1001);
    }
}
