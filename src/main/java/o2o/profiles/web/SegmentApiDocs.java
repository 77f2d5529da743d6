package o2o.profiles.web;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A rule condition's {@code value} is a number, a text or a list of texts, by its field: swagger describes an
 * {@code Object} as an empty object, which none of them matches, so the document says "any JSON value" instead.
 */
@Configuration(proxyBeanMethods = false)
class SegmentApiDocs {

    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    OpenApiCustomizer ruleValuesInApiDocs() {
        return openApi -> {
            var schemas = openApi.getComponents().getSchemas();
            var rule = schemas == null ? null : schemas.get("RuleSpec");
            if (rule == null || rule.getProperties() == null) return;
            Schema value = new Schema<>();
            value.setDescription("a whole number for numbers, days and months, a text for tag, item and group, a list of "
                    + "groups for in");
            value.setNullable(true);
            rule.getProperties().put("value", value);
        };
    }
}
