package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The kitchen display: tickets by round, each dish moved once NEW → COOKING → SERVED or voided; the waiter's board. */
class KitchenIntegrationTests extends ApiTest {

    TableFixtures tables;
    TableFixtures.Restaurant restaurant;
    TableFixtures.Table table;
    String cook;
    Map<String, String> diner;

    @BeforeEach
    void setUp() {
        tables = new TableFixtures(api, fixtures);
        restaurant = tables.restaurant("后厨小馆");
        table = tables.seatedTable(restaurant, "C3");
        cook = fixtures.staff(restaurant.merchant(), Role.KITCHEN, Set.of(restaurant.store()));
        diner = TableFixtures.anonymous();
    }

    JsonNode sendRound() {
        assertThat(tables.add(diner, table, restaurant.pork(), List.of(restaurant.big()), 1).status()).isEqualTo(201);
        assertThat(tables.add(diner, table, restaurant.rice(), List.of(), 2).status()).isEqualTo(201);
        var round = tables.as(diner, "POST", "/api/v1/tables/" + table.code() + "/rounds", null);
        assertThat(round.status()).as(round.raw()).isEqualTo(201);
        return round.body();
    }

    JsonNode tickets() {
        var tickets = api.get("/api/v1/merchant/stores/" + restaurant.store() + "/kitchen", cook);
        assertThat(tickets.status()).as(tickets.raw()).isEqualTo(200);
        return tickets.body();
    }

    Api.Response move(JsonNode item, String state) {
        return api.post("/api/v1/merchant/stores/" + restaurant.store() + "/round-items/" + item.path("id").asString()
                + "/state", Map.of("state", state), cook);
    }

    String stateOf(JsonNode item) {
        for (var round : tables.rounds(table)) {
            for (var each : round.path("items")) {
                if (each.path("id").equals(item.path("id"))) return each.path("state").asString();
            }
        }
        throw new AssertionError("no item " + item);
    }

    @Test
    void aTicketShowsTheRoundUntilEveryDishIsServedAndAStaleClickMovesNothing() {
        var round = sendRound();
        var pork = round.path("items").get(0);
        var rice = round.path("items").get(1);

        var ticket = tickets().get(0);
        assertThat(tickets()).hasSize(1);
        assertThat(ticket.path("tableLabel").asString()).isEqualTo("C3");
        assertThat(ticket.path("number").asInt()).isEqualTo(1);
        assertThat(ticket.path("items")).hasSize(2);
        assertThat(ticket.path("items").get(0).path("options").get(0).asString()).isEqualTo("大");

        assertThat(move(pork, "COOKING").body().path("state").asString()).isEqualTo("COOKING");
        var stale = move(pork, "COOKING");
        assertThat(stale.status()).as(stale.raw()).isEqualTo(409);
        assertThat(stale.text("type")).isEqualTo("urn:o2o:problem:round-item-moved");
        assertThat(move(rice, "SERVED").status()).isEqualTo(409);
        assertThat(stateOf(rice)).isEqualTo("NEW");
        assertThat(move(pork, "SERVED").body().path("state").asString()).isEqualTo("SERVED");
        assertThat(move(pork, "SERVED").status()).isEqualTo(409);
        assertThat(tickets()).hasSize(1);

        assertThat(move(rice, "COOKING").status()).isEqualTo(200);
        assertThat(move(rice, "SERVED").status()).isEqualTo(200);
        assertThat(tickets()).isEmpty();
        assertThat(stateOf(pork)).isEqualTo("SERVED");
    }

    @Test
    void staffVoidADishNotYetServedAndNothingElse() {
        var round = sendRound();
        var pork = round.path("items").get(0);
        var rice = round.path("items").get(1);

        assertThat(move(pork, "VOIDED").body().path("state").asString()).isEqualTo("VOIDED");
        assertThat(move(pork, "COOKING").status()).isEqualTo(409);
        assertThat(move(pork, "VOIDED").status()).isEqualTo(409);
        assertThat(move(rice, "COOKING").status()).isEqualTo(200);
        assertThat(move(rice, "SERVED").status()).isEqualTo(200);
        assertThat(move(rice, "VOIDED").status()).isEqualTo(409);
        assertThat(stateOf(pork)).isEqualTo("VOIDED");
        assertThat(stateOf(rice)).isEqualTo("SERVED");
        assertThat(tickets()).isEmpty();
    }

    @Test
    void tenCooksPressingTheSameButtonMoveTheDishOnce() throws Exception {
        var pork = sendRound().path("items").get(0);
        var tasks = IntStream.range(0, 10).<Callable<Api.Response>>mapToObj(i -> () -> move(pork, "COOKING")).toList();

        var responses = Concurrently.atOnce(tasks);

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(9);
        assertThat(stateOf(pork)).isEqualTo("COOKING");
        var served = Concurrently.atOnce(IntStream.range(0, 10)
                .<Callable<Api.Response>>mapToObj(i -> () -> move(pork, i % 2 == 0 ? "SERVED" : "VOIDED")).toList());
        assertThat(served.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(stateOf(pork)).isIn("SERVED", "VOIDED");
    }

    @Test
    void aBadMoveIsAFourHundredAndOnlyKitchenAndFloorStaffMoveDishes() {
        var pork = sendRound().path("items").get(0);
        for (var body : List.<Object>of(Map.of("state", "NEW"), Map.of("state", "BURNT"), Map.of())) {
            var response = api.post("/api/v1/merchant/stores/" + restaurant.store() + "/round-items/"
                    + pork.path("id").asString() + "/state", body, cook);
            assertThat(response.status()).as(body + " → " + response.raw()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        var cashier = fixtures.staff(restaurant.merchant(), Role.CASHIER, Set.of(restaurant.store()));
        var byCashier = api.post("/api/v1/merchant/stores/" + restaurant.store() + "/round-items/"
                + pork.path("id").asString() + "/state", Map.of("state", "COOKING"), cashier);
        assertThat(byCashier.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/stores/" + restaurant.store() + "/kitchen", cashier).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/merchant/stores/" + restaurant.store() + "/round-items/"
                + java.util.UUID.randomUUID() + "/state", Map.of("state", "COOKING"), cook).status()).isEqualTo(404);
        assertThat(stateOf(pork)).isEqualTo("NEW");
    }

    @Test
    void theWaitersBoardSaysWhereEachTableIs() {
        var free = tables.table(restaurant, "D1");
        var waiter = fixtures.staff(restaurant.merchant(), Role.WAITER, Set.of(restaurant.store()));
        assertThat(states(waiter)).containsEntry("C3", "SEATED").containsEntry("D1", "FREE");

        assertThat(tables.add(diner, table, restaurant.rice(), List.of(), 1).status()).isEqualTo(201);
        assertThat(states(waiter)).containsEntry("C3", "ORDERING");

        var round = tables.as(diner, "POST", "/api/v1/tables/" + table.code() + "/rounds", null).body();
        assertThat(states(waiter)).containsEntry("C3", "IN_KITCHEN");
        var rice = round.path("items").get(0);
        move(rice, "COOKING");
        assertThat(states(waiter)).containsEntry("C3", "IN_KITCHEN");
        move(rice, "SERVED");
        assertThat(states(waiter)).containsEntry("C3", "SERVED").containsEntry("D1", "FREE");

        var board = api.get("/api/v1/merchant/stores/" + restaurant.store() + "/service", waiter).body();
        for (var row : board) {
            if (row.path("label").asString().equals("C3")) {
                assertThat(row.path("rounds")).hasSize(1);
                assertThat(row.path("rounds").get(0).path("items").get(0).path("name").asString()).isEqualTo("米饭");
            }
        }
        assertThat(api.get("/api/v1/merchant/stores/" + restaurant.store() + "/service", cook).status())
                .isEqualTo(403);
        assertThat(free.code()).isNotBlank();
    }

    Map<String, String> states(String token) {
        var board = api.get("/api/v1/merchant/stores/" + restaurant.store() + "/service", token);
        assertThat(board.status()).as(board.raw()).isEqualTo(200);
        var states = new java.util.HashMap<String, String>();
        board.body().forEach(row -> states.put(row.path("label").asString(), row.path("state").asString()));
        return states;
    }
}
