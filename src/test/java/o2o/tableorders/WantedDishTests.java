package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** A dish asked for at the table: an item, 1 to 99 of it, options none of which is empty, a short note. */
class WantedDishTests {

    private static final UUID ITEM = UUID.randomUUID();

    @Test
    void oneOfTheItemWithoutOptionsOrNoteByDefault() {
        var wanted = WantedDish.of(new LineRequest(ITEM, null, null, "  "));

        assertThat(wanted).isEqualTo(new WantedDish(ITEM, List.of(), 1, null));
    }

    @Test
    void theNoteIsStrippedAndHoldsAtMost140Characters() {
        assertThat(WantedDish.of(new LineRequest(ITEM, List.of(), 2, " no chili ")).note()).isEqualTo("no chili");
        assertThat(WantedDish.of(new LineRequest(ITEM, List.of(), 2, "x".repeat(140))).note()).hasSize(140);
        assertThatThrownBy(() -> WantedDish.of(new LineRequest(ITEM, List.of(), 2, "x".repeat(141))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aLineHolds1To99OfADish() {
        assertThat(WantedDish.of(new LineRequest(ITEM, List.of(), 99, null)).quantity()).isEqualTo(99);
        assertThatThrownBy(() -> WantedDish.of(new LineRequest(ITEM, List.of(), 0, null)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> WantedDish.of(new LineRequest(ITEM, List.of(), 100, null)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> WantedDish.requireQuantity(null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aDishWithoutItemOrWithAnEmptyOptionIsRefused() {
        assertThatThrownBy(() -> WantedDish.of(null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> WantedDish.of(new LineRequest(null, List.of(), 1, null)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> WantedDish.of(new LineRequest(ITEM, Arrays.asList(UUID.randomUUID(), null), 1,
                null))).isInstanceOf(InvalidInput.class);
    }
}
