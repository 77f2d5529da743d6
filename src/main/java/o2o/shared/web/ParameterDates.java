package o2o.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import o2o.shared.InputRules;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Dates in query parameters, path variables and forms are ISO 8601 and, like those in JSON bodies, lie within
 * {@link InputRules#FIRST_YEAR}–{@link InputRules#LAST_YEAR}; a date past PostgreSQL's range is a 400, not a 500.
 */
@Configuration(proxyBeanMethods = false)
class ParameterDates implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, text -> blank(text) ? null
                : InputRules.inRange("date", LocalDate.parse(text.strip())));
        registry.addConverter(String.class, Instant.class, text -> blank(text) ? null
                : InputRules.inRange("date", Instant.parse(text.strip())));
        registry.addConverter(String.class, OffsetDateTime.class, text -> blank(text) ? null
                : InputRules.inRange("date", OffsetDateTime.parse(text.strip())));
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
