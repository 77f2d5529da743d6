package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import tools.jackson.databind.JsonNode;

/** A restaurant with a menu and tables, and diners at them, made through the public API. */
final class TableFixtures {

    private final Api api;
    private final Fixtures fixtures;

    TableFixtures(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    record Table(UUID id, String code, String label) {}

    /** A merchant's store with 红烧肉 (¥48, required 规格: 大 +¥10 / 小 -¥8), 米饭 (¥2) and 青菜 (¥18). */
    record Restaurant(MerchantFixture merchant, UUID store, UUID pork, UUID big, UUID small, UUID rice, UUID greens) {

        String owner() {
            return merchant.ownerToken();
        }
    }

    Restaurant restaurant(String name) {
        var merchant = fixtures.approvedMerchant(name);
        var store = fixtures.store(merchant, Fixtures.unique(name + "店"), 31.2, 121.4, "本帮菜");
        var category = api.post("/api/v1/merchant/menu/categories", Map.of("name", "热菜", "sortOrder", 1),
                merchant.ownerToken());
        assertThat(category.status()).as(category.raw()).isEqualTo(201);
        var hot = category.text("id");
        var pork = item(merchant, hot, "红烧肉", 4800, List.of(Map.of("name", "规格", "required", true,
                "minChoices", 1, "maxChoices", 1, "options", List.of(Map.of("name", "大", "priceDeltaMinor", 1000),
                        Map.of("name", "小", "priceDeltaMinor", -800)))));
        var rice = item(merchant, hot, "米饭", 200, List.of());
        var greens = item(merchant, hot, "青菜", 1800, List.of());
        return new Restaurant(merchant, store, id(pork), option(pork, "大"), option(pork, "小"), id(rice), id(greens));
    }

    Table table(Restaurant restaurant, String label) {
        var created = api.post("/api/v1/merchant/stores/" + restaurant.store() + "/tables",
                Map.of("label", label, "seats", 4), restaurant.owner());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Table(UUID.fromString(created.text("id")), created.text("code"), label);
    }

    /** A table with a party seated by staff: its session is open. */
    Table seatedTable(Restaurant restaurant, String label) {
        var table = table(restaurant, label);
        var seated = api.post("/api/v1/merchant/tables/" + table.id() + "/session", Map.of("partySize", 4),
                restaurant.owner());
        assertThat(seated.status()).as(seated.raw()).isEqualTo(201);
        return table;
    }

    void soldOut(Restaurant restaurant, UUID item, boolean soldOut) {
        var set = api.put("/api/v1/merchant/stores/" + restaurant.store() + "/menu/items/" + item + "/sold-out",
                Map.of("soldOut", soldOut), restaurant.owner());
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
    }

    /** An anonymous phone that scanned the table: the diner cookie it was given. */
    static Map<String, String> anonymous() {
        return Map.of("Cookie", "o2o_diner=" + UUID.randomUUID());
    }

    static Map<String, String> signedIn(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** A diner's request: as an anonymous phone (its cookie) or a signed-in customer (their token). */
    Api.Response as(Map<String, String> diner, String method, String path, Object body) {
        return api.send(method, path, body, null, diner);
    }

    Api.Response add(Map<String, String> diner, Table table, UUID item, List<UUID> options, int quantity) {
        var body = new HashMap<String, Object>(Map.of("itemId", item, "optionIds", options, "quantity", quantity));
        return as(diner, "POST", "/api/v1/tables/" + table.code() + "/cart/lines", body);
    }

    JsonNode cart(Table table) {
        var cart = as(anonymous(), "GET", "/api/v1/tables/" + table.code() + "/cart", null);
        assertThat(cart.status()).as(cart.raw()).isEqualTo(200);
        return cart.body();
    }

    JsonNode rounds(Table table) {
        var rounds = as(anonymous(), "GET", "/api/v1/tables/" + table.code() + "/rounds", null);
        assertThat(rounds.status()).as(rounds.raw()).isEqualTo(200);
        return rounds.body();
    }

    private JsonNode item(MerchantFixture merchant, String category, String name, long price, List<?> groups) {
        var body = new HashMap<String, Object>(Map.of("categoryId", category, "name", name, "description", "招牌",
                "price", Map.of("minor", price, "currency", "CNY")));
        body.put("optionGroups", groups);
        var created = api.post("/api/v1/merchant/menu/items", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.path("id").asString());
    }

    private static UUID option(JsonNode item, String name) {
        for (var group : item.path("optionGroups")) {
            for (var option : group.path("options")) {
                if (option.path("name").asString().equals(name)) return UUID.fromString(option.path("id").asString());
            }
        }
        throw new AssertionError("no option " + name);
    }
}
