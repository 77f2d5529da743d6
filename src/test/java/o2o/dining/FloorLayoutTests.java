package o2o.dining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.UUID;

import o2o.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** What staff lay out is checked before it is kept: areas, tables, seatings, and the codes the QRs carry. */
class FloorLayoutTests {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void anAreaHasAName1To20CharactersLongAndAPositionFrom0To999() {
        var area = Area.laidOut(ID, ID, ID, "  大厅 ", 999);

        assertThat(area.name()).isEqualTo("大厅");
        assertThat(Area.laidOut(ID, ID, ID, "x".repeat(20), 0).position()).isZero();
        assertThatThrownBy(() -> Area.laidOut(ID, ID, ID, " ", 1)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Area.laidOut(ID, ID, ID, null, 1)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Area.laidOut(ID, ID, ID, "x".repeat(21), 1)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Area.laidOut(ID, ID, ID, "hall", -1)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Area.laidOut(ID, ID, ID, "hall", 1000)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aTableHasALabel1To16CharactersLongAnd1To99Seats() {
        assertThat(new FloorPlan.TableDetails(" A1 ", 4, null).checked())
                .isEqualTo(new FloorPlan.TableDetails("A1", 4, null));
        assertThatThrownBy(() -> new FloorPlan.TableDetails(null, 4, null).checked()).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new FloorPlan.TableDetails("x".repeat(17), 4, null).checked())
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new FloorPlan.TableDetails("A1", 0, null).checked()).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new FloorPlan.TableDetails("A1", 100, null).checked())
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aPartyIsSeatedWith1To99GuestsAndASourceWord() {
        TableSession.requireSeating(99, "reservation");

        assertThatThrownBy(() -> TableSession.requireSeating(0, "staff")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> TableSession.requireSeating(100, "staff")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> TableSession.requireSeating(2, " ")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> TableSession.requireSeating(2, "x".repeat(33))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void tableCodesAre16UnambiguousCharactersAndDoNotRepeat() {
        var codes = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var code = TableCode.next();
            assertThat(code).hasSize(16).matches("[23456789abcdefghjkmnpqrstuvwxyz]+");
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
    }
}
