package o2o.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Set;

import com.fasterxml.jackson.annotation.Nulls;
import o2o.shared.InputRules;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every JSON body the API reads must be, checked once as it is read rather than by each endpoint: text without
 * control characters (PostgreSQL refuses NUL), dates within {@link InputRules#FIRST_YEAR}–{@link InputRules#LAST_YEAR},
 * no nulls inside lists or maps, and whole numbers for whole-number fields ({@code 1.5} is not a quantity).
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

    private static final Set<Class<?>> DATES = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class, LocalDateTime.class);

    @Bean
    JsonMapperBuilderCustomizer strictInput() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
                .addModule(new SimpleModule("o2o-input")
                        .addDeserializer(String.class, new CleanText())
                        .setDeserializerModifier(new DatesInRange()));
    }

    /** Text as the standard deserializer reads it, refused if it holds control characters. */
    static final class CleanText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            var text = super.deserialize(p, ctxt);
            if (text != null && InputRules.hasControlCharacters(text)) throw InputRules.controlCharacters(field(p));
            return text;
        }
    }

    /** Wraps the date and time deserializers with a check that the value lies in the years the platform handles. */
    static final class DatesInRange extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            return DATES.contains(bean.getBeanClass()) ? new InRange(deserializer) : deserializer;
        }
    }

    static final class InRange extends DelegatingDeserializer {

        InRange(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            var value = super.deserialize(p, ctxt);
            return value instanceof Temporal date ? InputRules.inRange(field(p), date) : value;
        }
    }

    /** The name of the field being read, or "body" at the top. */
    private static String field(JsonParser p) {
        var name = p.currentName();
        return name != null ? name : "body";
    }
}
