package o2o.shared.jobs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a domain event is written into the publication registry: as JSON by the application's mapper, as Modulith's
 * Jackson serializer writes it (the same text, so publications written before are still found), but each event
 * object once. Modulith's own serializer looked its mapper up in the bean factory for
 * every event, and the registry writes an event for every listener it is published to and again when each of them
 * completes (it finds the publication by that text): a paid order with three listeners was written six times. An
 * event is an immutable record, so the text of an event object written a moment ago is used again; the object, not
 * an equal one, is the key, and the entry goes with the object.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

    @Bean
    EventSerializer eventSerializer(JsonMapper mapper) {
        return new Remembering(mapper);
    }

    /** The text of each event object remembered while the object lives (weak keys compare by identity). */
    static final class Remembering implements EventSerializer {

        private final JsonMapper mapper;
        private final Cache<Object, String> written = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

        Remembering(JsonMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public Object serialize(Object event) {
            return written.get(event, mapper::writeValueAsString);
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return mapper.readerFor(type).readValue(serialized.toString());
        }
    }
}
