package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.junit.jupiter.api.Test;

/** A dish goes NEW → COOKING → SERVED, or is voided before it is served; the waiter's board follows the dishes. */
class ItemStateTests {

    @Test
    void aDishMovesOnlyForward() {
        assertThat(ItemState.COOKING.from()).containsExactly(ItemState.NEW);
        assertThat(ItemState.SERVED.from()).containsExactly(ItemState.COOKING);
        assertThat(ItemState.VOIDED.from()).containsExactlyInAnyOrder(ItemState.NEW, ItemState.COOKING);
        assertThat(ItemState.NEW.from()).isEmpty();
    }

    @Test
    void aServedOrVoidedDishMovesNoMore() {
        for (var to : ItemState.values()) {
            assertThat(to.follows(ItemState.SERVED)).as("SERVED → %s", to).isFalse();
            assertThat(to.follows(ItemState.VOIDED)).as("VOIDED → %s", to).isFalse();
        }
        assertThat(ItemState.SERVED.follows(ItemState.NEW)).isFalse();
        assertThat(ItemState.COOKING.follows(ItemState.COOKING)).isFalse();
        assertThat(ItemState.NEW.follows(ItemState.COOKING)).isFalse();
    }

    @Test
    void aTableIsInTheKitchenWhileADishIsToCookOrServe() {
        assertThat(TableState.of(2, List.of(round(ItemState.SERVED, ItemState.NEW)))).isEqualTo(TableState.IN_KITCHEN);
        assertThat(TableState.of(0, List.of(round(ItemState.COOKING)))).isEqualTo(TableState.IN_KITCHEN);
    }

    @Test
    void aTableOrdersWhileItsCartHasLinesAndNothingIsInTheKitchen() {
        assertThat(TableState.of(1, List.of(round(ItemState.SERVED)))).isEqualTo(TableState.ORDERING);
        assertThat(TableState.of(1, List.of())).isEqualTo(TableState.ORDERING);
    }

    @Test
    void aTableIsServedOnceADishIsOnItAndSeatedBefore() {
        assertThat(TableState.of(0, List.of(round(ItemState.VOIDED, ItemState.SERVED)))).isEqualTo(TableState.SERVED);
        assertThat(TableState.of(0, List.of(round(ItemState.VOIDED)))).isEqualTo(TableState.SEATED);
        assertThat(TableState.of(0, List.of())).isEqualTo(TableState.SEATED);
    }

    private static Round round(ItemState... states) {
        var roundId = UUID.randomUUID();
        var now = Instant.parse("2026-12-06T12:00:00Z");
        var items = Arrays.stream(states).map(s -> new RoundItem(UUID.randomUUID(), roundId, 1,
                UUID.randomUUID(), "dish", List.of(), null, Money.cny(100), 1, Money.cny(100), "staff:x", null, s,
                now)).toList();
        return new Round(roundId, UUID.randomUUID(), 1, "staff:x", now, items);
    }
}
