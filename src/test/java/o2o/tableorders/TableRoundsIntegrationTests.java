package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The table's cart and its rounds over the API: pricing, numbering, refusals, staff rounds, bad input, repeats. */
class TableRoundsIntegrationTests extends ApiTest {

    TableFixtures tables;
    TableFixtures.Restaurant restaurant;
    TableFixtures.Table table;
    Map<String, String> alice;
    Map<String, String> bob;

    @BeforeEach
    void setUp() {
        tables = new TableFixtures(api, fixtures);
        restaurant = tables.restaurant("轮次小馆");
        table = tables.seatedTable(restaurant, "B2");
        alice = TableFixtures.anonymous();
        bob = TableFixtures.signedIn(fixtures.customerToken(Fixtures.uniquePhone()));
    }

    String cartPath() {
        return "/api/v1/tables/" + table.code() + "/cart";
    }

    String roundsPath() {
        return "/api/v1/tables/" + table.code() + "/rounds";
    }

    Api.Response submit(Map<String, String> diner) {
        return tables.as(diner, "POST", roundsPath(), null);
    }

    static void assertProblem(Api.Response response, int status, String slug) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:o2o:problem:" + slug);
    }

    @Test
    void roundsAreNumberedInOrderAndPricedAtTheStoresOwnPriceWithTheChosenOptions() {
        var override = api.put("/api/v1/merchant/stores/" + restaurant.store() + "/menu/items/" + restaurant.pork(),
                Map.of("priceOverride", Map.of("minor", 5200, "currency", "CNY"), "available", true),
                restaurant.owner());
        assertThat(override.status()).as(override.raw()).isEqualTo(200);

        var pork = tables.add(alice, table, restaurant.pork(), List.of(restaurant.big()), 2);
        assertThat(pork.status()).as(pork.raw()).isEqualTo(201);
        assertThat(pork.body().path("unitPrice").path("minor").asLong()).isEqualTo(6200);
        assertThat(pork.body().path("options").get(0).asString()).isEqualTo("大");
        assertThat(pork.body()).isEqualTo(tables.cart(table).path("lines").get(0));
        assertThat(tables.add(bob, table, restaurant.rice(), List.of(), 3).status()).isEqualTo(201);
        assertThat(tables.cart(table).path("total").path("minor").asLong()).isEqualTo(2 * 6200 + 3 * 200);

        var first = submit(bob);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().path("number").asInt()).isEqualTo(1);
        assertThat(first.body().path("items")).hasSize(2);
        var porkItem = first.body().path("items").get(0);
        assertThat(porkItem.path("name").asString()).isEqualTo("红烧肉");
        assertThat(porkItem.path("amount").path("minor").asLong()).isEqualTo(12400);
        assertThat(porkItem.path("state").asString()).isEqualTo("NEW");
        assertThat(porkItem.path("addedBy").asString()).startsWith("anon:");
        var riceItem = first.body().path("items").get(1);
        assertThat(riceItem.path("customerId").asString()).isEqualTo(riceItem.path("addedBy").asString());
        assertThat(first.body().path("submittedBy").asString()).isEqualTo(riceItem.path("addedBy").asString());
        assertThat(tables.cart(table).path("lines")).isEmpty();

        assertThat(tables.add(alice, table, restaurant.greens(), List.of(), 1).status()).isEqualTo(201);
        var second = submit(alice);
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.body().path("number").asInt()).isEqualTo(2);

        var rounds = tables.rounds(table);
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).path("number").asInt()).isEqualTo(1);
        assertThat(rounds.get(1).path("items").get(0).path("name").asString()).isEqualTo("青菜");
        assertThat(rounds.get(1).path("items").get(0).path("roundNumber").asInt()).isEqualTo(2);
    }

    @Test
    void anyDinerAtTheTableChangesOrRemovesAnyLineOfTheSharedCart() {
        var line = tables.add(alice, table, restaurant.greens(), List.of(), 1).body();
        var path = cartPath() + "/lines/" + line.path("id").asString();

        var changed = tables.as(bob, "PATCH", path, Map.of("quantity", 5));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().path("quantity").asInt()).isEqualTo(5);
        assertThat(changed.body().path("amount").path("minor").asLong()).isEqualTo(5 * 1800);

        assertThat(tables.as(bob, "DELETE", path, null).status()).isEqualTo(204);
        assertProblem(tables.as(alice, "DELETE", path, null), 404, "not-found");
        assertProblem(tables.as(alice, "PATCH", path, Map.of("quantity", 2)), 404, "not-found");
        assertThat(tables.cart(table).path("lines")).isEmpty();
    }

    @Test
    void theSameDishFromTheSameDinerStopsAtNinetyNine() {
        assertThat(tables.add(alice, table, restaurant.rice(), List.of(), 60).status()).isEqualTo(201);
        assertProblem(tables.add(alice, table, restaurant.rice(), List.of(), 40), 409, "table-cart-line-full");
        var again = tables.add(alice, table, restaurant.rice(), List.of(), 39);
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.body().path("quantity").asInt()).isEqualTo(99);
        assertThat(tables.cart(table).path("lines")).hasSize(1);
        // the answer is the line as it now stands, exactly as the cart shows it
        assertThat(again.body()).isEqualTo(tables.cart(table).path("lines").get(0));
        assertThat(again.body().path("amount").path("minor").asLong()).isEqualTo(99 * 200);
        // another diner's rice is a line of its own
        assertThat(tables.add(bob, table, restaurant.rice(), List.of(), 1).status()).isEqualTo(201);
        assertThat(tables.cart(table).path("lines")).hasSize(2);
    }

    @Test
    void aSoldOutDishIsRefusedAndALineThatSoldOutInTheCartHoldsTheRoundBack() {
        tables.soldOut(restaurant, restaurant.greens(), true);
        assertProblem(tables.add(alice, table, restaurant.greens(), List.of(), 1), 409, "menu-item-sold-out");
        assertThat(tables.cart(table).path("lines")).isEmpty();

        tables.soldOut(restaurant, restaurant.greens(), false);
        assertThat(tables.add(alice, table, restaurant.greens(), List.of(), 1).status()).isEqualTo(201);
        assertThat(tables.add(alice, table, restaurant.rice(), List.of(), 1).status()).isEqualTo(201);
        tables.soldOut(restaurant, restaurant.greens(), true);

        var cart = tables.cart(table);
        var greens = cart.path("lines").get(0);
        assertThat(greens.path("refusal").asString()).isEqualTo("menu-item-sold-out");
        assertThat(greens.path("amount").isNull()).isTrue();
        assertThat(cart.path("total").path("minor").asLong()).isEqualTo(200);
        assertProblem(submit(alice), 409, "menu-item-sold-out");
        assertThat(tables.cart(table).path("lines")).hasSize(2);
        assertThat(tables.rounds(table)).isEmpty();

        assertThat(tables.as(alice, "DELETE", cartPath() + "/lines/" + greens.path("id").asString(), null).status())
                .isEqualTo(204);
        assertThat(submit(alice).status()).isEqualTo(201);
    }

    @Test
    void anEmptyCartSendsNothingAndAClosedTableTakesNoOrders() {
        assertProblem(submit(alice), 409, "table-cart-empty");
        var line = tables.add(alice, table, restaurant.rice(), List.of(), 1).body();
        var cleared = api.delete("/api/v1/merchant/tables/" + table.id() + "/session", restaurant.owner());
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);

        assertProblem(tables.add(alice, table, restaurant.rice(), List.of(), 1), 409, "table-not-open");
        assertProblem(tables.as(alice, "GET", cartPath(), null), 409, "table-not-open");
        assertProblem(tables.as(alice, "PATCH", cartPath() + "/lines/" + line.path("id").asString(),
                Map.of("quantity", 2)), 409, "table-not-open");
        assertProblem(submit(alice), 409, "table-not-open");
        var staffRound = api.post("/api/v1/merchant/tables/" + table.id() + "/rounds",
                Map.of("lines", List.of(Map.of("itemId", restaurant.rice()))), restaurant.owner());
        assertProblem(staffRound, 409, "table-not-open");
        assertProblem(tables.as(alice, "GET", "/api/v1/tables/nosuchtable00000/cart", null), 404, "not-found");
    }

    @Test
    void aWaiterSendsARoundStraightToTheKitchenAndLeavesTheDinersCartAlone() {
        var waiter = fixtures.staff(restaurant.merchant(), Role.WAITER, Set.of(restaurant.store()));
        assertThat(tables.add(alice, table, restaurant.rice(), List.of(), 1).status()).isEqualTo(201);
        var lines = List.of(Map.of("itemId", restaurant.pork(), "optionIds", List.of(restaurant.small()),
                "quantity", 2, "note", "少辣"), Map.of("itemId", restaurant.greens()));

        var round = api.post("/api/v1/merchant/tables/" + table.id() + "/rounds", Map.of("lines", lines), waiter);

        assertThat(round.status()).as(round.raw()).isEqualTo(201);
        assertThat(round.body().path("number").asInt()).isEqualTo(1);
        assertThat(round.body().path("submittedBy").asString()).startsWith("staff:");
        var items = round.body().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("amount").path("minor").asLong()).isEqualTo(2 * 4000);
        assertThat(items.get(0).path("note").asString()).isEqualTo("少辣");
        assertThat(items.get(1).path("quantity").asInt()).isEqualTo(1);
        assertThat(items.get(0).path("addedBy").asString()).isEqualTo(round.body().path("submittedBy").asString());
        assertThat(tables.cart(table).path("lines")).hasSize(1);
        assertThat(submit(alice).body().path("number").asInt()).isEqualTo(2);

        var cook = fixtures.staff(restaurant.merchant(), Role.KITCHEN, Set.of(restaurant.store()));
        assertProblem(api.post("/api/v1/merchant/tables/" + table.id() + "/rounds", Map.of("lines", lines), cook),
                403, "forbidden");
        tables.soldOut(restaurant, restaurant.greens(), true);
        assertProblem(api.post("/api/v1/merchant/tables/" + table.id() + "/rounds", Map.of("lines", lines), waiter),
                409, "menu-item-sold-out");
        assertThat(tables.rounds(table)).hasSize(2);
    }

    @Test
    void badInputIsAFourHundredProblemAndChangesNothing() {
        var line = tables.add(alice, table, restaurant.rice(), List.of(), 1).body();
        var linePath = cartPath() + "/lines/" + line.path("id").asString();
        var add = cartPath() + "/lines";
        var other = new HashMap<String, Object>(Map.of("itemId", restaurant.rice(),
                "optionIds", List.of(restaurant.big())));
        List<Object> bodies = List.of(
                Map.of("quantity", 1),
                Map.of("itemId", restaurant.rice(), "quantity", 0),
                Map.of("itemId", restaurant.rice(), "quantity", 100),
                Map.of("itemId", restaurant.pork()),
                Map.of("itemId", restaurant.pork(), "optionIds", List.of(restaurant.big(), restaurant.small())),
                other,
                Map.of("itemId", restaurant.rice(), "note", "辣".repeat(141)),
                Map.of("itemId", "not-a-uuid"),
                "{\"itemId\":");
        for (var body : bodies) {
            var response = tables.as(alice, "POST", add, body);
            assertThat(response.status()).as(body + " → " + response.raw()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertProblem(tables.as(alice, "POST", add, Map.of("itemId", UUID.randomUUID())), 404, "not-found");
        assertProblem(tables.as(alice, "PATCH", linePath, Map.of("quantity", 0)), 400, "invalid-input");
        assertProblem(tables.as(alice, "PATCH", linePath, Map.of("quantity", 100)), 400, "invalid-input");
        assertProblem(tables.as(alice, "PATCH", linePath, Map.of()), 400, "invalid-input");
        assertThat(tables.as(alice, "PATCH", cartPath() + "/lines/not-a-uuid", Map.of("quantity", 2)).status())
                .isEqualTo(400);
        assertProblem(api.post("/api/v1/merchant/tables/" + table.id() + "/rounds", Map.of("lines", List.of()),
                restaurant.owner()), 400, "invalid-input");
        assertProblem(api.post("/api/v1/merchant/tables/" + table.id() + "/rounds",
                Map.of("lines", List.of(Map.of("quantity", 1))), restaurant.owner()), 400, "invalid-input");

        var cart = tables.cart(table).path("lines");
        assertThat(cart).hasSize(1);
        assertThat(cart.get(0).path("quantity").asInt()).isEqualTo(1);
        assertThat(tables.rounds(table)).isEmpty();
    }

    @Test
    void aCallerWhoIsNeitherADinerNorSignedInIsTurnedAway() {
        assertProblem(api.get(cartPath()), 401, "unauthenticated");
        assertProblem(api.post(cartPath() + "/lines", Map.of("itemId", restaurant.rice())), 401, "unauthenticated");
        assertProblem(api.post(roundsPath(), null), 401, "unauthenticated");
        assertProblem(tables.as(Map.of("Cookie", "o2o_diner=../../etc"), "GET", cartPath(), null), 401,
                "unauthenticated");
        assertProblem(tables.as(Map.of("Authorization", "Bearer forged"), "GET", cartPath(), null), 401,
                "unauthenticated");
        assertThat(tables.cart(table).path("lines")).isEmpty();
    }

    @Test
    void theSameRequestSentTwiceWithOneIdempotencyKeyAddsOneLineAndSendsOneRound() {
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var headers = new HashMap<>(alice);
        headers.putAll(key);
        var body = Map.of("itemId", restaurant.rice(), "quantity", 2);

        var first = api.send("POST", cartPath() + "/lines", body, null, headers);
        var again = api.send("POST", cartPath() + "/lines", body, null, headers);

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        var lines = tables.cart(table).path("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(2);

        var roundKey = new HashMap<>(alice);
        roundKey.put("Idempotency-Key", UUID.randomUUID().toString());
        var sent = api.send("POST", roundsPath(), null, null, roundKey);
        var sentAgain = api.send("POST", roundsPath(), null, null, roundKey);
        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        assertThat(sentAgain.status()).as(sentAgain.raw()).isEqualTo(201);
        assertThat(sentAgain.body().path("id")).isEqualTo(sent.body().path("id"));
        JsonNode rounds = tables.rounds(table);
        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0).path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void theOrderPageSendsAPhoneThatHasNotScannedThroughTheScanAndSaysWhenNobodyIsSeated() {
        var phone = new WebSession(port);
        var order = "/t/" + table.code() + "/order";
        assertThat(phone.get(order).location()).endsWith("/t/" + table.code());
        assertThat(phone.get("/t/" + table.code()).status()).isEqualTo(302);

        var page = phone.get(order);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"order-table\"").contains("data-item-id=\"" + restaurant.rice() + "\"");
        var added = phone.post(order + "/lines", Map.of("itemId", restaurant.rice().toString(), "quantity", "2"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("cart-line").doesNotContain("order-problem");
        var refused = phone.post(order + "/lines", Map.of("itemId", restaurant.pork().toString()));
        assertThat(refused.body()).contains("order-problem");
        var lines = tables.cart(table).path("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(phone.post(order + "/rounds", Map.of()).body()).contains("order-sent");
        assertThat(tables.rounds(table)).hasSize(1);

        assertThat(api.delete("/api/v1/merchant/tables/" + table.id() + "/session", restaurant.owner()).status())
                .isEqualTo(200);
        assertThat(phone.get(order).body()).contains("table-closed");
        assertThat(phone.post(order + "/lines", Map.of("itemId", restaurant.rice().toString())).body())
                .contains("table-closed");
        assertThat(phone.get("/t/nosuchtable00000/order").status()).isEqualTo(404);
    }
}
