package o2o.delivery;

import static o2o.delivery.DeliveryStatus.ACCEPTED;
import static o2o.delivery.DeliveryStatus.CANCELLED;
import static o2o.delivery.DeliveryStatus.COURIER_ASSIGNED;
import static o2o.delivery.DeliveryStatus.CREATED;
import static o2o.delivery.DeliveryStatus.DELIVERED;
import static o2o.delivery.DeliveryStatus.PICKED_UP;
import static o2o.delivery.DeliveryStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The state machine only goes forward, may skip steps, and ends at DELIVERED, CANCELLED or RETURNED. */
class DeliveryStatusTests {

    static final List<DeliveryStatus> PATH = List.of(CREATED, ACCEPTED, COURIER_ASSIGNED, PICKED_UP, DELIVERED);

    @Test
    void everyPairAlongThePathMovesForwardOnlyAndSkippingIsAllowed() {
        for (int i = 0; i < PATH.size(); i++) {
            for (int j = 0; j < PATH.size(); j++) {
                assertThat(PATH.get(i).canBecome(PATH.get(j))).as(PATH.get(i) + " → " + PATH.get(j)).isEqualTo(j > i);
            }
        }
    }

    @Test
    void cancelledBeforeThePickUpReturnedAfterItAndNothingLeavesAnEnd() {
        assertThat(DeliveryStatus.from(CANCELLED)).containsExactlyInAnyOrder(CREATED, ACCEPTED, COURIER_ASSIGNED);
        assertThat(DeliveryStatus.from(RETURNED)).containsExactly(PICKED_UP);
        for (var end : EnumSet.of(DELIVERED, CANCELLED, RETURNED)) {
            assertThat(end.isFinal()).isTrue();
            for (var to : DeliveryStatus.values()) assertThat(end.canBecome(to)).as(end + " → " + to).isFalse();
        }
        for (var to : DeliveryStatus.values()) assertThat(to.canBecome(CREATED)).isFalse();
    }

    @Test
    void theGuardOfEachMoveNamesEveryEarlierStateOfThePath() {
        assertThat(DeliveryStatus.from(PICKED_UP)).containsExactlyInAnyOrder(CREATED, ACCEPTED, COURIER_ASSIGNED);
        assertThat(DeliveryStatus.from(DELIVERED))
                .containsExactlyInAnyOrder(CREATED, ACCEPTED, COURIER_ASSIGNED, PICKED_UP);
        assertThat(DeliveryStatus.from(ACCEPTED)).containsExactly(CREATED);
    }
}
