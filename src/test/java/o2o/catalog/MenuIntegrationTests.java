package o2o.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.IntStream;

import o2o.identity.Role;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A merchant writes its menu, each store sets its prices and sold-out switch, and lines are priced by the server. */
class MenuIntegrationTests extends ApiTest {

    @Autowired
    Menu menu;

    @Autowired
    JdbcClient jdbc;

    Fixtures.MerchantFixture merchant;
    UUID store;
    UUID otherStore;
    String owner;

    @BeforeEach
    void setUp() {
        merchant = fixtures.approvedMerchant("点菜餐厅");
        store = fixtures.store(merchant, Fixtures.unique("点菜一店"), 31.2, 121.4, "本帮菜");
        otherStore = fixtures.store(merchant, Fixtures.unique("点菜二店"), 31.21, 121.41, "本帮菜");
        owner = merchant.ownerToken();
    }

    static Map<String, Object> money(long minor) {
        return Map.of("minor", minor, "currency", "CNY");
    }

    static Map<String, Object> option(String name, long delta) {
        return Map.of("name", name, "priceDeltaMinor", delta);
    }

    static Map<String, Object> group(String name, boolean required, int min, int max, List<?> options) {
        return Map.of("name", name, "required", required, "minChoices", min, "maxChoices", max, "options", options);
    }

    static HashMap<String, Object> item(String category, String name, long price, List<?> groups) {
        var body = new HashMap<String, Object>(Map.of("categoryId", category, "name", name, "description", "招牌",
                "photoUrl", "https://img.example.com/" + name + ".jpg", "price", money(price)));
        body.put("optionGroups", groups);
        return body;
    }

    static Map<String, Object> photo(Map<String, Object> item, String url) {
        item.put("photoUrl", url);
        return item;
    }

    String category(String token, String name) {
        var created = api.post("/api/v1/merchant/menu/categories", Map.of("name", name, "sortOrder", 1), token);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    /** 红烧肉 at ¥48 with a required 规格 (大 +¥10, 小 -¥8) and an optional 辣度 (微辣, 特辣 +¥1, up to one). */
    JsonNode braisedPork(String category) {
        var created = api.post("/api/v1/merchant/menu/items", item(category, "红烧肉", 4800, List.of(
                group("规格", true, 1, 1, List.of(option("大", 1000), option("小", -800))),
                group("辣度", false, 0, 1, List.of(option("微辣", 0), option("特辣", 100))))), owner);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    static UUID optionId(JsonNode item, String name) {
        for (var group : item.path("optionGroups")) {
            for (var option : group.path("options")) {
                if (option.path("name").asString().equals(name)) return UUID.fromString(option.path("id").asString());
            }
        }
        throw new AssertionError("no option " + name);
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.path("id").asString());
    }

    JsonNode publicMenu(UUID at) {
        var response = api.get("/api/v1/stores/" + at + "/menu");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    static List<String> itemNames(JsonNode storeMenu) {
        var names = new ArrayList<String>();
        storeMenu.path("categories").forEach(c -> c.path("items").forEach(i -> names.add(i.path("name").asString())));
        return names;
    }

    static JsonNode dish(JsonNode storeMenu, String name) {
        for (var c : storeMenu.path("categories")) {
            for (var i : c.path("items")) if (i.path("name").asString().equals(name)) return i;
        }
        throw new AssertionError("no dish " + name);
    }

    @Test
    void anOwnerBuildsAMenuAndUpdatingAnItemKeepsTheIdsOfItsOptions() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        assertThat(pork.path("price").path("minor").asLong()).isEqualTo(4800);
        assertThat(pork.path("optionGroups")).hasSize(2);
        var large = optionId(pork, "大");

        var groups = new ArrayList<Object>();
        var size = pork.path("optionGroups").get(0);
        groups.add(Map.of("id", size.path("id").asString(), "name", "份量", "required", true, "minChoices", 1,
                "maxChoices", 1, "options", List.of(Map.of("id", large.toString(), "name", "大份", "priceDeltaMinor", 1200),
                        option("中份", 0))));
        var body = item(hot, "红烧肉", 5000, groups);
        var updated = api.put("/api/v1/merchant/menu/items/" + id(pork), body, owner);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().path("optionGroups")).hasSize(1);
        assertThat(optionId(updated.body(), "大份")).isEqualTo(large);
        assertThat(updated.body().path("price").path("minor").asLong()).isEqualTo(5000);

        var listed = api.get("/api/v1/merchant/menu/items", owner).body();
        assertThat(listed).hasSize(1);
        assertThat(api.get("/api/v1/merchant/menu/categories", owner).body().get(0).path("name").asString())
                .isEqualTo("热菜");

        var renamed = api.put("/api/v1/merchant/menu/categories/" + hot, Map.of("name", "招牌热菜", "sortOrder", 0), owner);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("招牌热菜");

        var off = api.post("/api/v1/merchant/menu/items/" + id(pork) + "/deactivate", null, owner);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body().path("active").asBoolean()).isFalse();
        assertThat(itemNames(publicMenu(store))).isEmpty();
    }

    @Test
    void badMenuInputIsA400ProblemAndChangesNothing() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var before = api.get("/api/v1/merchant/menu/items", owner).raw();
        var large = List.of(option("大", 0));
        var bad = List.of(
                photo(item(hot, "炒饭", 1800, List.of()), "javascript:alert(1)"),
                photo(item(hot, "炒面", 1800, List.of()), "ftp://img.example.com/a.jpg"),
                photo(item(hot, "炒粉", 1800, List.of()), "not a url"),
                item(hot, "汤面", -1, List.of()),
                item(hot, "天价面", 9_000_000_000_000_000L, List.of()),
                item(hot, "汤粉", 1800, List.of(group("规格", true, 0, 1, large))),
                item(hot, "汤圆", 1800, List.of(group("加料", false, 1, 1, large))),
                item(hot, "汤包", 1800, List.of(group("规格", true, 1, 2, large))),
                item(hot, "凉面", 1800, List.of(group("规格", true, 2, 1, List.of(option("大", 0), option("小", 0))))),
                item(hot, "凉粉", 1800, List.of(group("规格", true, 1, 1, List.of()))),
                item(hot, "凉皮", 1800, List.of(group("规格", true, 1, 1, List.of(option("大", 0), option("大", 100))))),
                item(hot, "冰粉", 1000, List.of(group("规格", true, 1, 1, List.of(option("迷你", -1001), option("小", 0))))),
                item(hot, "冰沙", 1000, List.of(group("加料", false, 0, 2, List.of(option("去冰", -600), option("去糖", -500))))),
                item(hot, "", 1000, List.of()));
        for (var body : bad) {
            var response = api.post("/api/v1/merchant/menu/items", body, owner);
            assertThat(response.status()).as("%s: %s", body.get("name"), response.raw()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        var update = api.put("/api/v1/merchant/menu/items/" + id(pork), item(hot, "红烧肉", 700, List.of(
                group("规格", true, 1, 1, List.of(option("大", 1000), option("小", -800))))), owner);
        assertThat(update.status()).as("a price the small size would take below zero").isEqualTo(400);
        var foreign = api.put("/api/v1/merchant/menu/items/" + id(pork), item(hot, "红烧肉", 4800, List.of(
                Map.of("id", UUID.randomUUID().toString(), "name", "规格", "required", true, "minChoices", 1,
                        "maxChoices", 1, "options", large))), owner);
        assertThat(foreign.status()).as("an id not of this item").isEqualTo(400);
        var unknownCategory = api.post("/api/v1/merchant/menu/items", item(UUID.randomUUID().toString(), "馄饨", 900,
                List.of()), owner);
        assertThat(unknownCategory.status()).isEqualTo(404);
        var twice = api.post("/api/v1/merchant/menu/items", item(hot, "红烧肉", 900, List.of()), owner);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("type")).isEqualTo("urn:o2o:problem:menu-item-name-taken");

        assertThat(api.get("/api/v1/merchant/menu/items", owner).raw()).isEqualTo(before);
    }

    @Test
    void theSameCategoryTwiceIsOneCategoryAndAConflict() {
        category(owner, "凉菜");
        var again = api.post("/api/v1/merchant/menu/categories", Map.of("name", "凉菜"), owner);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:o2o:problem:menu-category-name-taken");
        assertThat(api.get("/api/v1/merchant/menu/categories", owner).body()).hasSize(1);
    }

    @Test
    void onlyOwnersAndManagersWriteTheMenuAndTheStoresPrices() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var manager = fixtures.staff(merchant, Role.MANAGER, Set.of());
        assertThat(api.post("/api/v1/merchant/menu/categories", Map.of("name", "主食"), manager).status()).isEqualTo(201);
        var waiter = fixtures.staff(merchant, Role.WAITER, Set.of(store));
        assertThat(api.post("/api/v1/merchant/menu/categories", Map.of("name", "饮品"), waiter).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/merchant/menu/items", item(hot, "鱼", 100, List.of()), waiter).status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork),
                Map.of("priceOverride", money(1), "available", true), waiter).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/menu/items", waiter).status()).isEqualTo(200);
    }

    @Test
    void eachStoreHasItsOwnPriceAndAvailability() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var fish = api.post("/api/v1/merchant/menu/items", item(hot, "清蒸鱼", 8800, List.of()), owner).body();

        var priced = api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork),
                Map.of("priceOverride", money(5200), "available", true), owner);
        assertThat(priced.status()).as(priced.raw()).isEqualTo(200);
        assertThat(priced.body().path("price").path("minor").asLong()).isEqualTo(5200);
        assertThat(priced.body().path("price").propertyNames()).as("an amount is its minor units and its currency")
                .containsExactlyInAnyOrder("minor", "currency");
        var hidden = api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(fish),
                Map.of("available", false), owner);
        assertThat(hidden.status()).isEqualTo(200);

        var here = publicMenu(store);
        assertThat(itemNames(here)).containsExactly("红烧肉");
        assertThat(dish(here, "红烧肉").path("price").path("minor").asLong()).isEqualTo(5200);
        var there = publicMenu(otherStore);
        assertThat(itemNames(there)).containsExactly("红烧肉", "清蒸鱼");
        assertThat(dish(there, "红烧肉").path("price").path("minor").asLong()).isEqualTo(4800);

        var tooLow = api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork),
                Map.of("priceOverride", money(500), "available", true), owner);
        assertThat(tooLow.status()).as("the small size would take ¥5 below zero").isEqualTo(400);
        var negative = api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork),
                Map.of("priceOverride", money(-1), "available", true), owner);
        assertThat(negative.status()).isEqualTo(400);
        var huge = api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork),
                Map.of("priceOverride", money(9_000_000_000_000_000L), "available", true), owner);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(dish(publicMenu(store), "红烧肉").path("price").path("minor").asLong()).isEqualTo(5200);
        var back = api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork),
                Map.of("available", true), owner);
        assertThat(back.body().path("price").path("minor").asLong()).isEqualTo(4800);
    }

    @Test
    void storeStaffFlipTheSoldOutSwitchOnlyInTheirOwnStore() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var waiterOfX = fixtures.staff(merchant, Role.WAITER, Set.of(store));
        var path = "/api/v1/merchant/stores/%s/menu/items/" + id(pork) + "/sold-out";

        var flipped = api.put(path.formatted(store), Map.of("soldOut", true), waiterOfX);
        assertThat(flipped.status()).as(flipped.raw()).isEqualTo(200);
        assertThat(flipped.body().path("soldOut").asBoolean()).isTrue();
        var again = api.put(path.formatted(store), Map.of("soldOut", true), waiterOfX);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("soldOut").asBoolean()).isTrue();

        var elsewhere = api.put(path.formatted(otherStore), Map.of("soldOut", true), waiterOfX);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(dish(publicMenu(otherStore), "红烧肉").path("soldOut").asBoolean()).isFalse();
        assertThat(dish(publicMenu(store), "红烧肉").path("soldOut").asBoolean()).isTrue();

        var kitchen = fixtures.staff(merchant, Role.KITCHEN, Set.of(store));
        assertThat(api.put(path.formatted(store), Map.of("soldOut", false), kitchen).status()).isEqualTo(200);
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        assertThat(api.put(path.formatted(store), Map.of("soldOut", true), cashier).status()).isEqualTo(200);
        var courier = fixtures.staff(merchant, Role.COURIER, Set.of(store));
        assertThat(api.put(path.formatted(store), Map.of("soldOut", false), courier).status()).isEqualTo(403);
        assertThat(api.put(path.formatted(store), Map.of(), cashier).status()).isEqualTo(400);
        assertThat(dish(publicMenu(store), "红烧肉").path("soldOut").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/merchant/stores/" + store + "/menu", waiterOfX).body().get(0)
                .path("soldOut").asBoolean()).isTrue();
    }

    @Test
    void twentySoldOutFlipsAtOnceLeaveOneConsistentState() throws Exception {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var waiters = IntStream.range(0, 4).mapToObj(i -> fixtures.staff(merchant, Role.WAITER, Set.of(store))).toList();
        var path = "/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork) + "/sold-out";
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 20; i++) {
            var token = waiters.get(i % waiters.size());
            var soldOut = i % 2 == 0;
            tasks.add(() -> api.put(path, Map.of("soldOut", soldOut), token));
        }
        var results = Concurrently.atOnce(tasks);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(200));

        var rows = jdbc.sql("select count(*) from menu_store_item where store_id = :store and item_id = :item")
                .param("store", store).param("item", id(pork)).query(Long.class).single();
        assertThat(rows).isOne();
        var stored = jdbc.sql("select sold_out from menu_store_item where store_id = :store and item_id = :item")
                .param("store", store).param("item", id(pork)).query(Boolean.class).single();
        assertThat(dish(publicMenu(store), "红烧肉").path("soldOut").asBoolean()).isEqualTo(stored);
        assertThat(api.get("/api/v1/merchant/stores/" + store + "/menu", owner).body().get(0).path("soldOut")
                .asBoolean()).isEqualTo(stored);
        var small = optionId(dish(publicMenu(store), "红烧肉"), "小");
        if (stored) {
            assertThatThrownBy(() -> price(store, id(pork), List.of(small), 1))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.slug()).isEqualTo("menu-item-sold-out"));
        } else {
            assertThat(price(store, id(pork), List.of(small), 1).unitPrice().minor()).isEqualTo(4000);
        }
    }

    @Test
    void theServerPricesALineFromTheStoresPriceAndTheChosenOptions() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var large = optionId(pork, "大");
        var small = optionId(pork, "小");
        var hotSpice = optionId(pork, "特辣");
        var mild = optionId(pork, "微辣");

        var line = price(store, id(pork), List.of(large, hotSpice), 2);
        assertThat(line.unitPrice().minor()).isEqualTo(4800 + 1000 + 100);
        assertThat(line.amount().minor()).isEqualTo(2 * 5900);
        assertThat(line.options()).containsExactly("大", "特辣");
        assertThat(line.name()).isEqualTo("红烧肉");
        assertThat(price(store, id(pork), List.of(small), 3).amount().minor()).isEqualTo(3 * 4000);

        api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork),
                Map.of("priceOverride", money(4000), "available", true), owner);
        assertThat(price(store, id(pork), List.of(small), 1).unitPrice().minor()).isEqualTo(3200);
        assertThat(price(otherStore, id(pork), List.of(small), 1).unitPrice().minor()).isEqualTo(4000);

        assertRefused(() -> price(store, id(pork), List.of(), 1), 400, "invalid-input");
        assertRefused(() -> price(store, id(pork), List.of(large, small), 1), 400, "invalid-input");
        assertRefused(() -> price(store, id(pork), List.of(large, hotSpice, mild), 1), 400, "invalid-input");
        assertRefused(() -> price(store, id(pork), List.of(large, large), 1), 400, "invalid-input");
        assertRefused(() -> price(store, id(pork), List.of(large, UUID.randomUUID()), 1), 400, "invalid-input");
        assertRefused(() -> price(store, id(pork), List.of(large), 0), 400, "invalid-input");
        assertRefused(() -> price(store, UUID.randomUUID(), List.of(), 1), 404, "not-found");

        api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork) + "/sold-out", Map.of("soldOut", true),
                owner);
        assertRefused(() -> price(store, id(pork), List.of(large), 1), 409, "menu-item-sold-out");
        api.put("/api/v1/merchant/stores/" + otherStore + "/menu/items/" + id(pork), Map.of("available", false), owner);
        assertRefused(() -> price(otherStore, id(pork), List.of(large), 1), 409, "menu-item-unavailable");

        var other = fixtures.approvedMerchant("别家");
        var theirStore = fixtures.store(other, Fixtures.unique("别家店"), 31.2, 121.4, "火锅");
        assertRefused(() -> price(theirStore, id(pork), List.of(large), 1), 404, "not-found");
    }

    @Test
    void anItemPricedOnceIsPricedFromMemoryAndAnEditIsPricedAtOnce() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var large = optionId(pork, "大");
        assertThat(price(store, id(pork), List.of(large), 1).unitPrice().minor()).isEqualTo(5800);

        // changed behind the node's back: the second pricing reads no item, option group or option row
        jdbc.sql("update menu_item set name = '改了', price_minor = 100 where id = :id").param("id", id(pork)).update();
        jdbc.sql("update menu_option set name = '改了', price_delta_minor = 1 where id = :id").param("id", large)
                .update();
        var remembered = price(store, id(pork), List.of(large), 1);
        assertThat(remembered.name()).isEqualTo("红烧肉");
        assertThat(remembered.options()).containsExactly("大");
        assertThat(remembered.unitPrice().minor()).isEqualTo(5800);

        var size = pork.path("optionGroups").get(0).path("id").asString();
        var edited = api.put("/api/v1/merchant/menu/items/" + id(pork), item(hot, "东坡肉", 5000, List.of(
                Map.of("id", size, "name", "份量", "required", true, "minChoices", 1, "maxChoices", 1,
                        "options", List.of(Map.of("id", large.toString(), "name", "大份", "priceDeltaMinor", 1200))))),
                owner);
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        var line = price(store, id(pork), List.of(large), 1);
        assertThat(line.name()).isEqualTo("东坡肉");
        assertThat(line.options()).containsExactly("大份");
        assertThat(line.unitPrice().minor()).isEqualTo(5000 + 1200);
    }

    @Test
    void aRememberedItemIsRefusedAtOnceWhenDeactivatedAndPricedAtOnceWhenBack() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var small = optionId(pork, "小");
        assertThat(price(store, id(pork), List.of(small), 1).unitPrice().minor()).isEqualTo(4000);

        var off = api.post("/api/v1/merchant/menu/items/" + id(pork) + "/deactivate", null, owner);
        assertThat(off.status()).as(off.raw()).isEqualTo(200);
        assertRefused(() -> price(store, id(pork), List.of(small), 1), 409, "menu-item-unavailable");

        var body = item(hot, "红烧肉", 4800, List.of(group("规格", true, 1, 1,
                List.of(option("大", 1000), option("小", -800)))));
        body.put("active", true);
        var back = api.put("/api/v1/merchant/menu/items/" + id(pork), body, owner);
        assertThat(back.status()).as(back.raw()).isEqualTo(200);
        assertThat(price(store, id(pork), List.of(optionId(back.body(), "小")), 1).unitPrice().minor())
                .isEqualTo(4000);
    }

    @Test
    void aStoresPriceIsHeldAgainstTheOptionsAsStoredNotAsRemembered() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var small = optionId(pork, "小");
        assertThat(price(store, id(pork), List.of(small), 1).unitPrice().minor()).isEqualTo(4000);

        // as another node's edit would leave it: this node still remembers the small size at -¥8
        jdbc.sql("update menu_option set price_delta_minor = -3000 where id = :id").param("id", small).update();
        var tooLow = api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(pork),
                Map.of("priceOverride", money(2500), "available", true), owner);
        assertThat(tooLow.status()).as("the small size as stored would take ¥25 below zero").isEqualTo(400);
    }

    PricedLine price(UUID store, UUID item, List<UUID> options, int quantity) {
        return menu.price(new StoreId(store), item, options, quantity);
    }

    static void assertRefused(Runnable call, int status, String slug) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status().value()).isEqualTo(status);
            assertThat(p.slug()).isEqualTo(slug);
        });
    }

    @Test
    void thePublicMenuShowsOnlyActiveItemsServedAtThatStore() {
        var hot = category(owner, "热菜");
        category(owner, "空分类");
        braisedPork(hot);
        var gone = api.post("/api/v1/merchant/menu/items", item(hot, "停售菜", 1000, List.of()), owner).body();
        api.post("/api/v1/merchant/menu/items/" + id(gone) + "/deactivate", null, owner);
        var away = api.post("/api/v1/merchant/menu/items", item(hot, "二店特供", 1000, List.of()), owner).body();
        api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(away), Map.of("available", false), owner);

        var shown = publicMenu(store);
        assertThat(shown.path("categories")).hasSize(1);
        assertThat(itemNames(shown)).containsExactly("红烧肉");
        assertThat(dish(shown, "红烧肉").path("optionGroups").get(0).path("options")).hasSize(2);
        assertThat(itemNames(publicMenu(otherStore))).containsExactly("红烧肉", "二店特供");
        assertThat(api.get("/api/v1/stores/" + UUID.randomUUID() + "/menu").status()).isEqualTo(404);
        var pending = fixtures.pendingMerchant("未批准");
        assertThat(api.get("/api/v1/stores/" + fixtures.store(pending, Fixtures.unique("未批准店"), 31.2, 121.4, "火锅")
                + "/menu").status()).isEqualTo(404);
    }

    @Test
    void staffOfAnotherMerchantAreDeniedOnEveryMenuEndpoint() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var victim = new Victim(owner, Map.of("store", store.toString(), "item", id(pork).toString(),
                "category", hot));
        List<Function<Victim, Endpoint>> endpoints = List.of(
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/menu/items/{item}"), null,
                        v.fill("/api/v1/merchant/menu/items/{item}")),
                v -> Endpoint.of("PUT", v.fill("/api/v1/merchant/menu/items/{item}"),
                        item(v.objects().get("category"), "被改了", 1, List.of()),
                        v.fill("/api/v1/merchant/menu/items/{item}")),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/menu/items/{item}/deactivate"), null,
                        v.fill("/api/v1/merchant/menu/items/{item}")),
                v -> Endpoint.of("POST", "/api/v1/merchant/menu/items",
                        item(v.objects().get("category"), "偷放的菜", 1, List.of()), "/api/v1/merchant/menu/items"),
                v -> Endpoint.of("PUT", v.fill("/api/v1/merchant/menu/categories/{category}"),
                        Map.of("name", "被改了"), "/api/v1/merchant/menu/categories"),
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/stores/{store}/menu"), null,
                        v.fill("/api/v1/merchant/stores/{store}/menu")),
                v -> Endpoint.of("PUT", v.fill("/api/v1/merchant/stores/{store}/menu/items/{item}"),
                        Map.of("priceOverride", money(1), "available", false),
                        v.fill("/api/v1/merchant/stores/{store}/menu")),
                v -> Endpoint.of("PUT", v.fill("/api/v1/merchant/stores/{store}/menu/items/{item}/sold-out"),
                        Map.of("soldOut", true), v.fill("/api/v1/merchant/stores/{store}/menu")));

        var attacker = fixtures.approvedMerchant("隔壁餐厅");
        var attackerStore = fixtures.store(attacker, Fixtures.unique("隔壁店"), 31.2, 121.4, "火锅");
        var attackerHot = category(attacker.ownerToken(), "热菜");
        var ownItem = api.post("/api/v1/merchant/menu/items", item(attackerHot, "自己的菜", 100, List.of()),
                attacker.ownerToken()).body();
        var tokens = List.of(attacker.ownerToken(), fixtures.staff(attacker, Role.MANAGER, Set.of()),
                fixtures.staff(attacker, Role.WAITER, Set.of(attackerStore)));
        var check = new CrossMerchantAccess(api);
        tokens.forEach(token -> endpoints.forEach(endpoint -> check.assertDenied(token, victim, endpoint)));

        var mixed = api.put("/api/v1/merchant/stores/" + attackerStore + "/menu/items/" + id(pork) + "/sold-out",
                Map.of("soldOut", true), attacker.ownerToken());
        assertThat(mixed.status()).as("their own store, our item").isEqualTo(404);
        var ours = api.put("/api/v1/merchant/stores/" + store + "/menu/items/" + id(ownItem) + "/sold-out",
                Map.of("soldOut", true), owner);
        assertThat(ours.status()).as("our store, their item").isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/menu/items", attacker.ownerToken()).body()).hasSize(1);
    }

    @Test
    void theMenuPagesOfAnotherMerchantAreNotFoundAndChangeNothing() {
        var hot = category(owner, "热菜");
        var pork = braisedPork(hot);
        var attacker = fixtures.approvedMerchant("隔壁页面");
        var session = new WebSession(port).signInAsStaff(attacker.ownerUsername(), "password-1");
        assertThat(session.get("/merchant/stores/" + store + "/menu").status()).isEqualTo(404);
        session.get("/merchant/menu");
        var before = api.get("/api/v1/merchant/stores/" + store + "/menu", owner).raw();
        var items = api.get("/api/v1/merchant/menu/items", owner).raw();
        var base = "/merchant/stores/" + store + "/menu/items/" + id(pork);
        assertThat(session.post(base + "/sold-out", Map.of("soldOut", "true")).status()).isEqualTo(404);
        assertThat(session.post(base, Map.of("priceOverride", "1", "available", "false")).status()).isEqualTo(404);
        assertThat(session.post("/merchant/menu/items/" + id(pork) + "/deactivate", Map.of()).status()).isEqualTo(404);
        assertThat(session.post("/merchant/menu/items/" + id(pork) + "/groups", Map.of("name", "偷加", "options", "大 1"))
                .status()).isEqualTo(404);
        var group = api.get("/api/v1/merchant/menu/items/" + id(pork), owner).body().path("optionGroups").get(0);
        assertThat(session.post("/merchant/menu/items/" + id(pork) + "/groups/" + group.path("id").asString()
                + "/remove", Map.of()).status()).isEqualTo(404);
        assertThat(session.get("/merchant/menu").body()).doesNotContain("红烧肉");
        assertThat(api.get("/api/v1/merchant/stores/" + store + "/menu", owner).raw()).isEqualTo(before);
        assertThat(api.get("/api/v1/merchant/menu/items", owner).raw()).isEqualTo(items);
    }
}
