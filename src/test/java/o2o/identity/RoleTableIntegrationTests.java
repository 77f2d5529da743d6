package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import o2o.identity.RoleTable.Operation;
import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.IntegrationTest;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's "Roles" table is what the merchant API does: every merchant operation of the OpenAPI document has a row,
 * every row an operation, and every operation, sent by a signed-in member of each role of one merchant with that
 * merchant's own ids, answers 403 to the roles without a ✓ and neither 401, 403 nor a 5xx to the others. Bodies are
 * empty JSON objects, which most operations refuse as invalid: the role is checked before the body. Operations that
 * take things away (deleting, ending, deactivating, disabling) run last so the others still find their objects.
 */
@IntegrationTest
class RoleTableIntegrationTests {

    @LocalServerPort
    int port;

    /** Bodies for operations where an empty object would be valid and change something worth keeping. */
    private static final Map<String, String> BODIES = Map.of(
            "PUT /api/v1/merchant/payment-providers/{provider}", "[]");

    @TestFactory
    Stream<DynamicNode> everyMerchantOperationAnswersEachRoleAsTheReadmeSays() throws IOException {
        var api = new Api(port);
        var table = RoleTable.readme();
        var documented = documented(api);
        var withBody = withBody(api);
        var world = new RoleTableWorld(api, new Fixtures(api));

        var rows = table.allowed().keySet().stream().map(Operation::toString).collect(Collectors.toSet());
        var nodes = new ArrayList<DynamicNode>();
        nodes.add(dynamicTest("every merchant operation of the OpenAPI document has a row in the README", () ->
                assertThat(documented.stream().filter(operation -> !rows.contains(operation)))
                        .as("merchant operations without a row in the README's Roles table").isEmpty()));
        nodes.add(dynamicTest("every row of the README names an operation of the OpenAPI document", () ->
                assertThat(rows.stream().filter(operation -> !documented.contains(operation)))
                        .as("rows of the README's Roles table naming no operation of /v3/api-docs").isEmpty()));
        table.allowed().entrySet().stream()
                .sorted(Comparator.comparing(entry -> takesAway(entry.getKey())))
                .forEach(entry -> nodes.add(dynamicContainer(entry.getKey().toString(),
                        cases(api, world, table.columns(), entry.getKey(), entry.getValue(),
                                withBody.contains(entry.getKey().toString())))));
        return nodes.stream();
    }

    /** Forbidden roles first: an allowed one may take the object away. */
    private Stream<DynamicNode> cases(Api api, RoleTableWorld world, List<Role> columns, Operation operation,
            Set<Role> allowed, boolean takesBody) {
        return columns.stream().sorted(Comparator.comparing(allowed::contains)).map(role -> {
            boolean may = allowed.contains(role);
            return dynamicTest(operation + " as " + role.name().toLowerCase() + (may ? " is let through" : " is 403"),
                    () -> {
                        var path = world.fill(operation.path());
                        var body = takesBody ? BODIES.getOrDefault(operation.toString(), "{}") : null;
                        var response = api.send(operation.method(), path, body, world.tokens.get(role),
                                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                        var said = "%s %s as %s: %s".formatted(operation.method(), path, role, response.raw());
                        if (may) {
                            assertThat(response.status()).as(said).isNotIn(401, 403).isLessThan(500);
                        } else {
                            assertThat(response.status()).as(said).isEqualTo(403);
                            assertThat(response.contentType()).as(said).startsWith("application/problem+json");
                        }
                    });
        });
    }

    private static boolean takesAway(Operation operation) {
        return operation.method().equals("DELETE") || operation.path().endsWith("/end")
                || operation.path().endsWith("/deactivate") || operation.path().endsWith("/disable")
                || operation.path().endsWith("/enable");
    }

    /** "METHOD path" of every operation under /api/v1/merchant/ in the published OpenAPI document. */
    private static Set<String> documented(Api api) {
        return operations(api, false);
    }

    /** Those of them whose document says they take a body (the others are sent none). */
    private static Set<String> withBody(Api api) {
        return operations(api, true);
    }

    private static Set<String> operations(Api api, boolean onlyWithBody) {
        var docs = api.get("/v3/api-docs");
        assertThat(docs.status()).as(docs.raw()).isEqualTo(200);
        var operations = new TreeSet<String>();
        docs.body().path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/v1/merchant/")) return;
            path.getValue().properties().forEach(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())
                        && (!onlyWithBody || method.getValue().has("requestBody"))) {
                    operations.add(method.getKey().toUpperCase() + " " + path.getKey());
                }
            });
        });
        if (!onlyWithBody) assertThat(operations).as("the OpenAPI document lists merchant operations").isNotEmpty();
        return operations;
    }
}
