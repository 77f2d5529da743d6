package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TypedIdTests {

    private final UUID uuid = UUID.fromString("0190a6b2-7c3e-7000-8000-000000000001");

    @Test
    void anIdRefusesNull() {
        assertThatThrownBy(() -> new OrderId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CustomerId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MerchantId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StoreId(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anIdPrintsAsItsUuid() {
        assertThat(new OrderId(uuid)).hasToString(uuid.toString());
        assertThat(new CustomerId(uuid)).hasToString(uuid.toString());
        assertThat(new MerchantId(uuid)).hasToString(uuid.toString());
        assertThat(new StoreId(uuid)).hasToString(uuid.toString());
    }

    @Test
    void idsOfDifferentThingsAreNeverEqual() {
        assertThat(new CustomerId(uuid)).isEqualTo(new CustomerId(uuid)).isNotEqualTo(new MerchantId(uuid));
    }

    /** Events are stored as JSON until their listeners finish, and read back when they are published again. */
    @Test
    void anIdSurvivesAJsonRoundTrip() {
        var json = JsonMapper.builder().build();
        var id = new OrderId(uuid);
        assertThat(json.readValue(json.writeValueAsString(id), OrderId.class)).isEqualTo(id);
    }
}
