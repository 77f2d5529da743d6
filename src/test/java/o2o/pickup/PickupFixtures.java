package o2o.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** A store open for pick-up with a small menu, signed-in customers, and the customer's side of ordering ahead. */
final class PickupFixtures {

    private final Api api;
    private final Fixtures fixtures;

    PickupFixtures(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    /**
     * A store with 红烧肉 (¥48; required 规格: 大 +¥10, 小 -¥8; optional 辣度: 微辣, 特辣 +¥1) and 酸梅汤 (¥8).
     */
    record Shop(MerchantFixture merchant, UUID store, String storeName, UUID pork, UUID large, UUID small,
            UUID extraHot, UUID drink) {}

    /** Open every day, all day. */
    static Map<String, List<String>> allDay() {
        return everyDay("00:00-00:00");
    }

    static Map<String, List<String>> everyDay(String range) {
        var hours = new HashMap<String, List<String>>();
        for (var day : DayOfWeek.values()) hours.put(day.name(), List.of(range));
        return hours;
    }

    /** A fixed-offset zone where it is now between 12:00 and 12:59, so "later today" always exists in tests. */
    static ZoneOffset noonZone() {
        int hour = Instant.now().atOffset(ZoneOffset.UTC).getHour();
        return ZoneOffset.ofHours(12 - hour);
    }

    Shop shop(String name, Map<String, List<String>> hours) {
        return shop(name, hours, "Asia/Shanghai");
    }

    Shop shop(String name, Map<String, List<String>> hours, String zone) {
        var merchant = fixtures.approvedMerchant(name);
        var storeName = Fixtures.unique(name);
        var body = new HashMap<String, Object>(Fixtures.storeBody(storeName, 31.2, 121.4, "本帮菜"));
        body.put("openingHours", hours);
        body.put("timeZone", zone);
        var created = api.post("/api/v1/merchant/stores", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var store = UUID.fromString(created.text("id"));
        var category = api.post("/api/v1/merchant/menu/categories", Map.of("name", "热菜", "sortOrder", 1),
                merchant.ownerToken());
        assertThat(category.status()).as(category.raw()).isEqualTo(201);
        var pork = item(merchant, category.text("id"), "红烧肉", 4800, List.of(
                group("规格", true, 1, 1, List.of(option("大", 1000), option("小", -800))),
                group("辣度", false, 0, 1, List.of(option("微辣", 0), option("特辣", 100)))));
        var drink = item(merchant, category.text("id"), "酸梅汤", 800, List.of());
        return new Shop(merchant, store, storeName, id(pork), optionId(pork, "大"), optionId(pork, "小"),
                optionId(pork, "特辣"), id(drink));
    }

    private JsonNode item(MerchantFixture merchant, String category, String name, long price, List<?> groups) {
        var body = new HashMap<String, Object>(Map.of("categoryId", category, "name", name, "description", "招牌",
                "price", Map.of("minor", price, "currency", "CNY")));
        body.put("optionGroups", groups);
        var created = api.post("/api/v1/merchant/menu/items", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    private static Map<String, Object> option(String name, long delta) {
        return Map.of("name", name, "priceDeltaMinor", delta);
    }

    private static Map<String, Object> group(String name, boolean required, int min, int max, List<?> options) {
        return Map.of("name", name, "required", required, "minChoices", min, "maxChoices", max, "options", options);
    }

    private static UUID optionId(JsonNode item, String name) {
        for (var group : item.path("optionGroups")) {
            for (var option : group.path("options")) {
                if (option.path("name").asString().equals(name)) return UUID.fromString(option.path("id").asString());
            }
        }
        throw new AssertionError("no option " + name);
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.path("id").asString());
    }

    static Map<String, Object> line(UUID item, int quantity, UUID... options) {
        return Map.of("itemId", item, "quantity", quantity, "optionIds", Arrays.asList(options));
    }

    static Map<String, Object> order(List<Map<String, Object>> lines, String pickupTime, String note) {
        var body = new HashMap<String, Object>();
        body.put("lines", lines);
        body.put("pickupTime", pickupTime);
        body.put("note", note);
        return body;
    }

    /** One 红烧肉 (大) as soon as possible. */
    Map<String, Object> simpleOrder(Shop shop) {
        return order(List.of(line(shop.pork(), 1, shop.large())), "", "");
    }

    Api.Response place(String customer, UUID store, Object body, String key) {
        return api.send("POST", "/api/v1/stores/" + store + "/pickup-orders", body, customer,
                Map.of("Idempotency-Key", key));
    }

    String placed(String customer, Shop shop) {
        var placed = place(customer, shop.store(), simpleOrder(shop), UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        return placed.text("id");
    }

    /** Pays on the sandbox gateway's page, as the customer does. */
    void payBySandbox(String customer, String orderId) {
        fixtures.payOnSandbox("/api/v1/me/pickup-orders/" + orderId + "/payments", customer, true);
    }

    JsonNode pickup(String customer, String orderId) {
        var response = api.get("/api/v1/me/pickup-orders/" + orderId, customer);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    /** The order once it has moved to this status (the payment chain runs after commit). */
    JsonNode awaitStatus(String customer, String orderId, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> pickup(customer, orderId), p -> p.path("status").asString().equals(status));
    }

    /** Stored value at the merchant, topped up at the counter by a cashier. */
    void topUp(MerchantFixture merchant, String cashier, String phone, long minor) {
        var topUp = api.send("POST", "/api/v1/merchant/wallet/top-ups",
                Map.of("phone", phone, "amount", Map.of("minor", minor, "currency", "CNY")), cashier,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(topUp.status()).as(topUp.raw()).isEqualTo(200);
    }

    static String staffPath(UUID store) {
        return "/api/v1/merchant/stores/" + store + "/pickup-orders";
    }
}
