package o2o.shared.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import o2o.shared.fuzz.OpenApiOperations.Operation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests for one operation, from a seeded generator: the whole body broken (not JSON, empty, deep,
 * huge), one field at a time bent (wrong type, NUL, huge or fractional numbers, nulls in lists, far dates, money
 * without a currency), and each parameter and path variable given values no endpoint should accept.
 */
public final class Malformations {

    public record Case(String what, String method, String path, Map<String, String> query,
            @Nullable String contentType, @Nullable String body, Map<String, String> headers) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NUL = "a\u0000b";

    private static final List<String> BAD_PARAMETERS = List.of(NUL, "\u0001\u001f", "1.5", "99999999999999999999",
            "-9223372036854775808", "not-a-uuid", "+99999-01-01", "9999-12-31T23:59:59Z", "0000-00-00", "",
            "x".repeat(3000), "[]", "{}", "😀", "NaN");
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "%00", "a%01b", "1.5",
            "99999999999999999999", "-1", "x".repeat(2000), "%F0%9F%98%80", "null", "..%2F..");

    private final OpenApiOperations operations;
    private final Random random;
    private final int fieldsPerBody;

    public Malformations(OpenApiOperations operations, long seed, int fieldsPerBody) {
        this.operations = operations;
        this.random = new Random(seed);
        this.fieldsPerBody = fieldsPerBody;
    }

    public List<Case> of(Operation operation) {
        var cases = new ArrayList<Case>();
        var path = operations.validPath(operation);
        var query = validQuery(operation);
        var headers = validHeaders(operation);
        for (var param : operation.params()) {
            var value = BAD_PARAMETERS.get(random.nextInt(BAD_PARAMETERS.size()));
            var second = BAD_PARAMETERS.get(random.nextInt(BAD_PARAMETERS.size()));
            switch (param.in()) {
                case "query" -> {
                    for (var bad : List.of(value, second, NUL)) {
                        var q = new LinkedHashMap<>(query);
                        q.put(param.name(), bad);
                        cases.add(base(operation, "query " + param.name() + "=" + shorten(bad), path, q, headers));
                    }
                }
                case "path" -> {
                    for (int i = 0; i < 3; i++) {
                        var bad = BAD_PATH_VALUES.get(random.nextInt(BAD_PATH_VALUES.size()));
                        var broken = operation.path().replace("{" + param.name() + "}", bad)
                                .replaceAll("\\{[^}]+}", "01a20d40-0000-7000-8000-000000000000");
                        cases.add(base(operation, "path " + param.name() + "=" + shorten(bad), broken, query, headers));
                    }
                }
                case "header" -> {
                    var h = new LinkedHashMap<>(headers);
                    h.put(param.name(), "x".repeat(300));
                    cases.add(base(operation, "header " + param.name() + " long", path, query, h));
                }
                default -> { }
            }
        }
        if (operation.bodySchema() != null) cases.addAll(bodies(operation, path, query, headers));
        else if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
            cases.add(withBody(operation, "unexpected body", path, query, headers, "application/json", "{\"a\":\"\\u0000\"}"));
        }
        cases.add(base(operation, "well-formed", path, query, headers));
        return cases;
    }

    private List<Case> bodies(Operation operation, String path, Map<String, String> query,
            Map<String, String> headers) {
        var cases = new ArrayList<Case>();
        var json = "application/json";
        if (operation.mediaType() != null && !operation.mediaType().contains("json")) {
            for (var raw : List.of("a=%00", "=&=&&%", "x".repeat(5000), NUL, "")) {
                cases.add(withBody(operation, "raw " + shorten(raw), path, query, headers, operation.mediaType(), raw));
            }
            // the documented example, well-formed, then with a NUL and a control character in its last line
            var example = operation.bodySchema().path("example").asString("");
            if (!example.isEmpty()) {
                int middle = example.lastIndexOf('\n') + (example.length() - example.lastIndexOf('\n')) / 2;
                for (var inserted : List.of("", "\u0000", "\u001b", "99999999999999999999")) {
                    var raw = example.substring(0, middle) + inserted + example.substring(middle);
                    cases.add(withBody(operation, "example+" + shorten(inserted), path, query, headers,
                            operation.mediaType(), raw));
                }
            }
            return cases;
        }
        var valid = operations.valid("body", operation.bodySchema(), 0);
        cases.add(withBody(operation, "valid body", path, query, headers, json, JSON.writeValueAsString(valid)));
        for (var raw : List.of("not json", "{", "{}", "[]", "null", "\"\u0000\"", "1e99999", "[".repeat(3000),
                "{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}", "\"" + "x".repeat(200_000) + "\"")) {
            cases.add(withBody(operation, "body " + shorten(raw), path, query, headers, json, raw));
        }
        var leaves = new ArrayList<List<Object>>();
        collect(valid, new ArrayList<>(), leaves);
        java.util.Collections.shuffle(leaves, random);
        for (var leaf : leaves.subList(0, Math.min(fieldsPerBody, leaves.size()))) {
            for (var bad : badValuesFor(leaf, valid)) {
                var copy = valid.deepCopy();
                set(copy, leaf, bad.getValue());
                cases.add(withBody(operation, "body " + pointer(leaf) + "=" + shorten(bad.getKey()), path, query,
                        headers, json, JSON.writeValueAsString(copy)));
            }
        }
        return cases;
    }

    /** A few bad values for one leaf, chosen by what the valid value is. */
    private List<Map.Entry<String, JsonNode>> badValuesFor(List<Object> leaf, JsonNode valid) {
        var current = get(valid, leaf);
        var name = leaf.isEmpty() ? "" : String.valueOf(leaf.getLast());
        var out = new ArrayList<Map.Entry<String, JsonNode>>();
        out.add(Map.entry("NUL", NODES.stringNode(NUL)));
        out.add(Map.entry("null", NODES.nullNode()));
        if (current.isNumber()) {
            out.add(Map.entry("1.5", NODES.numberNode(1.5)));
            out.add(Map.entry("MAX_LONG", NODES.numberNode(Long.MAX_VALUE)));
            out.add(Map.entry("1e40", NODES.numberNode(new java.math.BigDecimal("1e40"))));
            out.add(Map.entry("-1", NODES.numberNode(-1)));
        } else if (current.isArray()) {
            out.add(Map.entry("[null]", NODES.arrayNode().addNull()));
            out.add(Map.entry("{}", NODES.objectNode()));
        } else if (current.isObject()) {
            out.add(Map.entry("[]", NODES.arrayNode()));
        } else if (current.isString()) {
            var text = current.asString();
            out.add(Map.entry("123", NODES.numberNode(123)));
            out.add(Map.entry("{}", NODES.objectNode()));
            if (text.matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
                out.add(Map.entry("+99999", NODES.stringNode("+99999-01-01T00:00:00Z")));
                out.add(Map.entry("9999", NODES.stringNode("9999-12-31T23:59:59Z")));
                out.add(Map.entry("0001", NODES.stringNode("0001-01-01T00:00:00Z")));
            } else if (text.matches("\\d{4}-\\d\\d-\\d\\d")) {
                out.add(Map.entry("+99999", NODES.stringNode("+99999-01-01")));
                out.add(Map.entry("9999", NODES.stringNode("9999-12-31")));
            } else if (name.equals("currency")) {
                out.add(Map.entry("\"\"", NODES.stringNode("")));
                out.add(Map.entry("XXX", NODES.stringNode("XXX")));
                out.add(Map.entry("usd", NODES.stringNode("usd")));
            } else {
                out.add(Map.entry("long", NODES.stringNode("长".repeat(random.nextBoolean() ? 300 : 20_000))));
                out.add(Map.entry("C0", NODES.stringNode("a\u0007\u001bb")));
            }
        }
        return out;
    }

    /** Leaves and Money-like objects (so that "currency" can be dropped) of a JSON tree, as paths of keys and indices. */
    private static void collect(JsonNode node, List<Object> path, List<List<Object>> out) {
        if (node.isObject()) {
            if (!path.isEmpty()) out.add(List.copyOf(path)); // the object itself: replaced whole
            for (var entry : node.properties()) {
                var next = new ArrayList<>(path);
                next.add(entry.getKey());
                collect(entry.getValue(), next, out);
            }
            if (node.has("currency")) {
                var missing = new ArrayList<>(path);
                missing.add("currency");
                out.add(missing);
            }
        } else if (node.isArray()) {
            out.add(List.copyOf(path));
            for (int i = 0; i < node.size(); i++) {
                var next = new ArrayList<>(path);
                next.add(i);
                collect(node.get(i), next, out);
            }
        } else {
            out.add(List.copyOf(path));
        }
    }

    private static JsonNode get(JsonNode root, List<Object> path) {
        var node = root;
        for (var key : path) node = key instanceof Integer i ? node.path(i) : node.path((String) key);
        return node;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) return;
        var parent = get(root, path.subList(0, path.size() - 1));
        var last = path.getLast();
        if (parent instanceof ObjectNode object) {
            if (last.equals("currency") && value.isNull()) object.remove("currency"); // money without a currency
            else object.set((String) last, value);
        } else if (parent instanceof ArrayNode array && last instanceof Integer i) {
            array.set(i, value);
        }
    }

    private Map<String, String> validQuery(Operation operation) {
        var query = new LinkedHashMap<String, String>();
        for (var param : operation.params()) {
            if (param.in().equals("query") && param.required()) {
                query.put(param.name(), operations.validText(param.name(), param.schema(), ""));
            }
        }
        return query;
    }

    /** None: the sender adds a fresh Idempotency-Key to each request unless a case sets a bad one. */
    private static Map<String, String> validHeaders(Operation operation) {
        return new LinkedHashMap<>();
    }

    private static Case base(Operation operation, String what, String path, Map<String, String> query,
            Map<String, String> headers) {
        return new Case(what, operation.method(), path, query, null, null, headers);
    }

    private static Case withBody(Operation operation, String what, String path, Map<String, String> query,
            Map<String, String> headers, String contentType, String body) {
        return new Case(what, operation.method(), path, query, contentType, body, headers);
    }

    public static String queryString(Map<String, String> query) {
        if (query.isEmpty()) return "";
        return "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String pointer(List<Object> path) {
        return path.stream().map(String::valueOf).collect(Collectors.joining("."));
    }

    private static String shorten(String text) {
        var visible = text.replace("\u0000", "\\0");
        return visible.length() > 24 ? visible.substring(0, 24) + "…(" + text.length() + ")" : visible;
    }
}
