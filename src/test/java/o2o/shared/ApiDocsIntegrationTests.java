package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import o2o.shared.web.NestedTypeNames;
import o2o.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document says what the API takes and gives: no principal parameters, one schema per Java type. */
class ApiDocsIntegrationTests extends ApiTest {

    private static final Set<String> PRINCIPAL_NAMES = Set.of("staff", "customer", "pos", "operator", "principal");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theSignedInPrincipalIsNoParameter() {
        var offenders = new TreeSet<String>();
        operations(docs()).forEach((name, operation) -> operation.path("parameters").forEach(parameter -> {
            if (PRINCIPAL_NAMES.contains(parameter.path("name").asString())) {
                offenders.add(name + " " + parameter.path("name").asString());
            }
        }));
        assertThat(offenders).isEmpty();
    }

    @Test
    void eachOperationNamesTheCredentialsItNeeds() {
        var docs = docs();
        var schemes = docs.path("components").path("securitySchemes");
        assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("posApiKey").path("name").asString()).isEqualTo("X-Api-Key");
        assertThat(schemes.path("posApiKey").path("in").asString()).isEqualTo("header");

        var operations = operations(docs);
        assertThat(securityOf(operations.get("post /api/v1/pos/sales"))).containsExactly("posApiKey", "posBearer");
        assertThat(securityOf(operations.get("get /api/v1/me/coupons"))).containsExactly("bearer");
        assertThat(securityOf(operations.get("get /api/v1/merchant/stores"))).containsExactly("bearer");
        assertThat(securityOf(operations.get("get /api/v1/stores/nearby"))).isEmpty();
        assertThat(securityOf(operations.get("post /api/v1/auth/otp"))).isEmpty();
    }

    @Test
    void aPosSaleLineIsANameAndAUnitPriceAndAClaimedCouponATemplate() {
        var docs = docs();
        var schemas = docs.path("components").path("schemas");
        var sale = schema(docs, requestSchema(docs, "/api/v1/pos/sales", "post"));
        var line = schema(docs, sale.path("properties").path("lines").path("items"));
        assertThat(names(line.path("properties"))).contains("name", "unitPrice").doesNotContain("kind", "refId");

        var claim = schema(docs, requestSchema(docs, "/api/v1/me/coupons", "post"));
        assertThat(names(claim.path("properties"))).containsExactly("templateId");
        assertThat(schemas.has("CouponClaim")).isTrue();
        assertThat(schemas.has("BillClaim")).isTrue();
    }

    /** Api holds every exchange to the document: one it does not describe fails the test that made it. */
    @Test
    void anExchangeTheDocumentDoesNotDescribeFailsTheTest() {
        assertThat(api.get("/api/v1/stores/nearby?lat=31.2&lng=121.4").status()).isEqualTo(200);
        assertThatThrownBy(() -> api.get("/api/v1/stores/nearby?lat=31.2&lng=121.4&colour=red"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("departs from /v3/api-docs").hasMessageContaining("colour");
        assertThat(api.get("/api/v1/no-such-thing").status()).as("an unknown path's problem is no departure")
                .isEqualTo(401);
    }

    /** Two Java types under one schema name would overwrite each other in the document, silently. */
    @Test
    void everyJavaTypeOfTheApiHasASchemaNameOfItsOwn() {
        var types = new HashSet<Class<?>>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().isAnnotationPresent(RestController.class)) return;
            if (info.getPatternValues().stream().noneMatch(path -> path.startsWith("/api/"))) return;
            collect(method.getMethod().getGenericReturnType(), types);
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(parameter.getGenericParameterType(), types);
                }
            }
        });
        Map<String, List<String>> byName = types.stream().collect(Collectors.groupingBy(NestedTypeNames::nameOf,
                TreeMap::new, Collectors.mapping(Class::getName, Collectors.toList())));
        assertThat(byName).as("the API's types").hasSizeGreaterThan(50);
        assertThat(byName.entrySet().stream().filter(entry -> entry.getValue().size() > 1).toList()).isEmpty();

        var schemas = docs().path("components").path("schemas");
        var nestedMissing = types.stream().filter(type -> type.getEnclosingClass() != null && !type.isEnum())
                .map(NestedTypeNames::nameOf).filter(name -> !schemas.has(name)).sorted().toList();
        assertThat(nestedMissing).as("nested types named after their enclosing type in the document").isEmpty();
    }

    private static void collect(Type type, Set<Class<?>> into) {
        switch (type) {
            case ParameterizedType parameterized -> {
                collect(parameterized.getRawType(), into);
                for (var argument : parameterized.getActualTypeArguments()) collect(argument, into);
            }
            case GenericArrayType array -> collect(array.getGenericComponentType(), into);
            case WildcardType wildcard -> {
                for (var bound : wildcard.getUpperBounds()) collect(bound, into);
            }
            case Class<?> plain when plain.isArray() -> collect(plain.getComponentType(), into);
            case Class<?> plain when plain.getName().startsWith("o2o.") && !plain.isEnum() && into.add(plain) -> {
                if (plain.isRecord()) {
                    for (var component : plain.getRecordComponents()) collect(component.getGenericType(), into);
                }
            }
            default -> { }
        }
    }

    private JsonNode docs() {
        var docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        return docs.body();
    }

    private static Map<String, JsonNode> operations(JsonNode docs) {
        var operations = new TreeMap<String, JsonNode>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> operations.put(operation.getKey() + " " + path.getKey(), operation.getValue())));
        return operations;
    }

    private static List<String> securityOf(JsonNode operation) {
        assertThat(operation).as("operation").isNotNull();
        var names = new java.util.ArrayList<String>();
        operation.path("security").forEach(requirement -> names.addAll(names(requirement)));
        return names;
    }

    private static JsonNode requestSchema(JsonNode docs, String path, String method) {
        return docs.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("schema");
    }

    private static JsonNode schema(JsonNode docs, JsonNode schema) {
        var ref = schema.path("$ref").asString();
        assertThat(ref).as("a named schema").startsWith("#/components/schemas/");
        return docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
    }

    private static List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }
}
