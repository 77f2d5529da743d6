package o2o.shared.fuzz;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations an OpenAPI document describes, and for each a well-formed request built from its schemas: the base
 * the fuzzer bends one part of at a time, so that a malformed field is read by the code behind a valid rest.
 */
public final class OpenApiOperations {

    /** Query parameters that are really the caller's principal, resolved from the token, never sent. */
    private static final Set<String> PRINCIPALS = Set.of("staff", "customer", "pos", "operator", "principal", "actor");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    public record Param(String name, String in, JsonNode schema, boolean required) {}

    public record Operation(String method, String path, List<Param> params, @Nullable String mediaType,
            @Nullable JsonNode bodySchema) {

        public String id() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final Map<String, String> knownIds;

    /** @param knownIds real ids of fixtures by the name of a path segment or field ("stores" or "storeId") */
    public OpenApiOperations(JsonNode document, Map<String, String> knownIds) {
        this.document = document;
        this.knownIds = knownIds;
    }

    public List<Operation> all() {
        var operations = new ArrayList<Operation>();
        for (var path : document.path("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                var method = entry.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
                var operation = entry.getValue();
                var params = new ArrayList<Param>();
                for (var p : operation.path("parameters")) {
                    var param = resolve(p);
                    var name = param.path("name").asString();
                    if (PRINCIPALS.contains(name)) continue;
                    params.add(new Param(name, param.path("in").asString(), resolve(param.path("schema")),
                            param.path("required").asBoolean(false)));
                }
                String mediaType = null;
                JsonNode schema = null;
                var content = operation.path("requestBody").path("content");
                if (!content.isMissingNode() && !content.isEmpty()) {
                    mediaType = content.has("application/json") ? "application/json"
                            : content.propertyNames().iterator().next();
                    schema = resolve(content.path(mediaType).path("schema"));
                }
                operations.add(new Operation(method, path.getKey(), params, mediaType, schema));
            }
        }
        // operations that may end sessions or suspend merchants go last, so the others run with live credentials
        operations.sort(Comparator.comparing((Operation o) -> rank(o.path())).thenComparing(Operation::id));
        return operations;
    }

    private static int rank(String path) {
        if (path.startsWith("/api/v1/auth") || path.contains("logout")) return 3;
        if (path.startsWith("/api/v1/admin")) return 2;
        if (path.contains("/staff") || path.contains("password")) return 1;
        return 0;
    }

    /** The path with every variable filled by a real fixture id where one is known, else a random id. */
    public String validPath(Operation operation) {
        var segments = operation.path().split("/");
        var out = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            var segment = segments[i];
            out.append('/');
            if (segment.startsWith("{")) {
                var name = segment.substring(1, segment.length() - 1);
                var previous = segments[i - 1];
                var param = operation.params().stream().filter(p -> p.name().equals(name)).findFirst();
                out.append(param.map(p -> validText(name, p.schema(), previous)).orElse(uuidFor(name, previous)));
            } else {
                out.append(segment);
            }
        }
        return out.toString();
    }

    public JsonNode resolve(JsonNode node) {
        var ref = node.path("$ref").asString("");
        if (ref.startsWith("#/components/")) {
            var parts = ref.substring(2).split("/");
            JsonNode target = document;
            for (var part : parts) target = target.path(part);
            return resolve(target);
        }
        for (var combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (node.path(combinator).isArray() && !node.path(combinator).isEmpty()) {
                return resolve(node.path(combinator).get(0));
            }
        }
        return node;
    }

    /** A value the schema accepts, chosen by the field's name where the schema alone says too little. */
    public JsonNode valid(String name, JsonNode schema, int depth) {
        schema = resolve(schema);
        var type = type(schema);
        if ("currency".equalsIgnoreCase(name)) return NODES.stringNode("CNY");
        return switch (type) {
            case "object" -> {
                var object = NODES.objectNode();
                if (depth >= MAX_DEPTH) yield object;
                for (var property : schema.path("properties").properties()) {
                    object.set(property.getKey(), valid(property.getKey(), property.getValue(), depth + 1));
                }
                yield object;
            }
            case "array" -> {
                var array = NODES.arrayNode();
                if (depth < MAX_DEPTH) array.add(valid(singular(name), schema.path("items"), depth + 1));
                yield array;
            }
            case "integer" -> NODES.numberNode(name.toLowerCase(Locale.ROOT).contains("minor") ? 100 : 1);
            case "number" -> NODES.numberNode(name.toLowerCase(Locale.ROOT).contains("lat") ? 31.2 : 121.4);
            case "boolean" -> NODES.booleanNode(false);
            default -> NODES.stringNode(validText(name, schema, ""));
        };
    }

    public String validText(String name, JsonNode schema, String previousSegment) {
        schema = resolve(schema);
        var format = schema.path("format").asString("");
        var lower = name.toLowerCase(Locale.ROOT);
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) return schema.path("enum").get(0).asString();
        if (format.equals("uuid") || lower.endsWith("id") && !lower.contains("open")) return uuidFor(name, previousSegment);
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (format.equals("date-time")) {
            boolean later = lower.contains("end") || lower.contains("until") || lower.contains("to")
                    || lower.contains("expire");
            return (later ? now.plus(7, ChronoUnit.DAYS) : now.minusSeconds(60)).toString();
        }
        if (format.equals("date")) return LocalDate.now().plusDays(lower.contains("to") ? 1 : 0).toString();
        if (type(schema).equals("integer")) return "1";
        if (type(schema).equals("number")) return "1.5";
        if (type(schema).equals("boolean")) return "false";
        if (lower.contains("phone")) return "13900000000";
        if (lower.contains("time")) return "12:00";
        return "测试";
    }

    private String uuidFor(String name, String previousSegment) {
        var lower = name.toLowerCase(Locale.ROOT);
        for (var entry : knownIds.entrySet()) {
            if (lower.startsWith(entry.getKey()) || previousSegment.equals(entry.getKey() + "s")) return entry.getValue();
        }
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public static String type(JsonNode schema) {
        var type = schema.path("type");
        if (type.isArray()) {
            for (var t : type) if (!t.asString().equals("null")) return t.asString();
        }
        if (type.isString()) return type.asString();
        if (schema.has("properties")) return "object";
        if (schema.has("items")) return "array";
        return "string";
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    public static ObjectNode copy(JsonNode node) {
        return (ObjectNode) node.deepCopy();
    }
}
