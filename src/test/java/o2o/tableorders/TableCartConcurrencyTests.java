package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Many phones at one table at the same moment: nobody's dish is lost, and every line goes to the kitchen once. */
class TableCartConcurrencyTests extends ApiTest {

    TableFixtures tables;
    TableFixtures.Restaurant restaurant;
    TableFixtures.Table table;

    @BeforeEach
    void setUp() {
        tables = new TableFixtures(api, fixtures);
        restaurant = tables.restaurant("同桌小馆");
        table = tables.seatedTable(restaurant, "A1");
    }

    @Test
    void tenDinersAddingAtOnceEachKeepEveryLineWithItsExactQuantity() throws Exception {
        var diners = new ArrayList<Map<String, String>>();
        for (int i = 0; i < 5; i++) diners.add(TableFixtures.signedIn(fixtures.customerToken(Fixtures.uniquePhone())));
        for (int i = 0; i < 5; i++) diners.add(TableFixtures.anonymous());
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (var diner : diners) {
            tasks.add(() -> tables.add(diner, table, restaurant.pork(), List.of(restaurant.big()), 1));
            tasks.add(() -> tables.add(diner, table, restaurant.rice(), List.of(), 2));
            tasks.add(() -> tables.add(diner, table, restaurant.rice(), List.of(), 1));
            tasks.add(() -> tables.add(diner, table, restaurant.greens(), List.of(), 3));
        }

        var responses = Concurrently.atOnce(tasks);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
        var lines = tables.cart(table).path("lines");
        assertThat(lines).hasSize(30);
        var perDiner = new HashMap<String, Map<String, Integer>>();
        for (var line : lines) {
            perDiner.computeIfAbsent(line.path("addedBy").asString(), d -> new HashMap<>())
                    .merge(line.path("name").asString(), line.path("quantity").asInt(), Integer::sum);
        }
        assertThat(perDiner).hasSize(10);
        assertThat(perDiner.values()).allSatisfy(quantities ->
                assertThat(quantities).isEqualTo(Map.of("红烧肉", 1, "米饭", 3, "青菜", 3)));
        assertThat(tables.cart(table).path("total").path("minor").asLong())
                .isEqualTo(10 * (5800 + 3 * 200 + 3 * 1800));
    }

    @Test
    void theSameDinerAddingTheSameDishFromTenThreadsGetsOneLineOfTen() throws Exception {
        var diner = TableFixtures.anonymous();
        var tasks = IntStream.range(0, 10)
                .<Callable<Api.Response>>mapToObj(i -> () -> tables.add(diner, table, restaurant.pork(),
                        List.of(restaurant.small()), 1))
                .toList();

        var responses = Concurrently.atOnce(tasks);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
        var lines = tables.cart(table).path("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(10);
        assertThat(lines.get(0).path("amount").path("minor").asLong()).isEqualTo(10 * 4000);
        assertThat(lines.get(0).path("options").get(0).asString()).isEqualTo("小");
    }

    @Test
    void submitsAndAdditionsAtOnceSendEveryLineInExactlyOneRound() throws Exception {
        var added = new HashMap<String, Integer>();
        for (int i = 0; i < 6; i++) {
            var diner = TableFixtures.anonymous();
            var line = tables.add(diner, table, restaurant.greens(), List.of(), i + 1);
            assertThat(line.status()).as(line.raw()).isEqualTo(201);
            added.put(line.text("addedBy"), i + 1);
        }
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 5; i++) {
            tasks.add(() -> tables.as(TableFixtures.anonymous(), "POST", "/api/v1/tables/" + table.code() + "/rounds",
                    null));
            int quantity = 10 + i;
            tasks.add(() -> tables.add(TableFixtures.anonymous(), table, restaurant.greens(), List.of(), quantity));
        }

        var responses = Concurrently.atOnce(tasks);

        for (int i = 0; i < responses.size(); i += 2) {
            var submitted = responses.get(i);
            assertThat(submitted.status()).as(submitted.raw()).isIn(201, 409);
            var line = responses.get(i + 1);
            assertThat(line.status()).as(line.raw()).isEqualTo(201);
            added.put(line.text("addedBy"), line.body().path("quantity").asInt());
        }
        assertThat(added).hasSize(11);
        var rest = tables.as(TableFixtures.anonymous(), "POST", "/api/v1/tables/" + table.code() + "/rounds", null);
        assertThat(rest.status()).as(rest.raw()).isIn(201, 409);
        assertThat(tables.cart(table).path("lines")).isEmpty();

        var rounds = tables.rounds(table);
        var sent = new HashMap<String, Integer>();
        int number = 0;
        for (JsonNode round : rounds) {
            assertThat(round.path("number").asInt()).isEqualTo(++number);
            assertThat(round.path("items")).isNotEmpty();
            for (var item : round.path("items")) {
                assertThat(sent.put(item.path("addedBy").asString(), item.path("quantity").asInt()))
                        .as("each line goes out once").isNull();
            }
        }
        assertThat(sent).isEqualTo(added);
    }
}
