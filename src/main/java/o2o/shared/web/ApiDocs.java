package o2o.shared.web;

import java.util.Currency;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * What the OpenAPI document says beyond the controllers' signatures: readable, unique schema names for nested
 * types, and the RFC 9457 problem every operation may answer with instead of its documented success.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    static {
        // Jackson writes a currency as its ISO 4217 code, not as the bean Currency looks like
        SpringDocUtils.getConfig().replaceWithSchema(Currency.class, new StringSchema().example("CNY"))
                // a member typed Object (a map's value) is any JSON value, not an empty object
                .replaceWithSchema(Object.class, new Schema<>())
                // a body read as a JsonNode is a JSON object whose members the operation describes in words
                .replaceWithSchema(JsonNode.class, new ObjectSchema().additionalProperties(true));
    }

    @Bean
    NestedTypeNames nestedSchemaNames() {
        return new NestedTypeNames();
    }

    @Bean
    NullableProperties nullableSchemaProperties() {
        return new NullableProperties();
    }

    /**
     * Every operation may fail with a problem: a {@code default} response covers each 4xx and 5xx status (the
     * statuses an operation documents itself keep their own description).
     */
    @Bean
    OpenApiCustomizer problemsInApiDocs() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                responses.values().removeIf(response -> response.getContent() != null
                        && response.getContent().values().stream().anyMatch(ApiDocs::isProblemDetail));
                responses.forEach((status, response) -> {
                    if ((status.startsWith("4") || status.startsWith("5")) && !declaresOwnContent(response)) {
                        response.setContent(problemContent());
                    }
                });
                responses.addApiResponse("default", new ApiResponse()
                        .description("A problem (RFC 9457); `type` names it, `detail` says it in the caller's language")
                        .content(problemContent()));
                operation.setResponses(responses);
            }));
        };
    }

    /**
     * A map of {@code Object} values (a payment gateway's settings) holds any JSON values: swagger describes them as
     * empty objects, which no string or number matches.
     */
    @Bean
    @SuppressWarnings("rawtypes")
    OpenApiCustomizer freeFormMapsInApiDocs() {
        return openApi -> openApi.getComponents().getSchemas().values().forEach(schema -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) return;
            properties.values().forEach(property -> {
                if (property.getAdditionalProperties() instanceof Schema values && isEmptyObject(values)) {
                    property.setAdditionalProperties(true);
                }
            });
        });
    }

    @SuppressWarnings("rawtypes")
    private static boolean isEmptyObject(Schema schema) {
        return "object".equals(schema.getType()) && schema.get$ref() == null
                && (schema.getProperties() == null || schema.getProperties().isEmpty())
                && schema.getAdditionalProperties() == null;
    }

    /** An error answered in a protocol's own format (a payment notification's), declared on the operation. */
    private static boolean declaresOwnContent(ApiResponse response) {
        return response.getContent() != null && !response.getContent().isEmpty()
                && !response.getContent().containsKey("*/*") && !response.getContent().containsKey("application/json");
    }

    private static boolean isProblemDetail(MediaType media) {
        var schema = media.getSchema();
        return schema != null && schema.get$ref() != null && schema.get$ref().endsWith("/ProblemDetail");
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        var schema = new ObjectSchema()
                .description("RFC 9457 problem details; further members (`errors`, `retryAfterSeconds`, …) "
                        + "depend on the type")
                .addProperty("type", new StringSchema().format("uri").example("urn:o2o:problem:not-found"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"));
        schema.setRequired(List.of("type", "title", "status"));
        schema.setAdditionalProperties(true);
        return schema;
    }
}
