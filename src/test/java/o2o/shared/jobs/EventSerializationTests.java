package o2o.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventSerializationTests {

    record Paid(UUID orderId, long totalMinor, Instant at) {}

    final JsonMapper mapper = JsonMapper.builder().build();
    final EventSerialization.Remembering serializer = new EventSerialization.Remembering(mapper);

    @Test
    void anEventObjectIsWrittenOnceAndReadBackAsItWas() {
        var paid = new Paid(UUID.randomUUID(), 2990, Instant.parse("2026-12-07T10:15:30Z"));

        var first = serializer.serialize(paid);
        assertThat(first).isEqualTo(mapper.writeValueAsString(paid));
        assertThat(serializer.serialize(paid)).as("the same object: the text written before").isSameAs(first);
        assertThat(serializer.deserialize(first, Paid.class)).isEqualTo(paid);
    }

    @Test
    void anEqualEventOfItsOwnIsWrittenForItself() {
        var paid = new Paid(UUID.randomUUID(), 2990, Instant.parse("2026-12-07T10:15:30Z"));
        var equal = new Paid(paid.orderId(), paid.totalMinor(), paid.at());

        var first = serializer.serialize(paid);
        var second = serializer.serialize(equal);
        assertThat(second).isEqualTo(first).isNotSameAs(first);
    }
}
