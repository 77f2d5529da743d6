package o2o.merchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import o2o.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class NearbyCursorTests {

    @Test
    void aCursorReadsBackAsTheLastStoreItNamed() {
        var cursor = new NearbyCursor(1234.5678, UUID.randomUUID());
        assertThat(NearbyCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("=", "+", "/");
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(NearbyCursor.decode(null)).isNull();
        assertThat(NearbyCursor.decode(" ")).isNull();
    }

    @Test
    void anythingElseIsAnInvalidCursor() {
        assertThatThrownBy(() -> NearbyCursor.decode("not-base64!")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> NearbyCursor.decode("bm9waXBl")).isInstanceOf(InvalidInput.class);
    }
}
