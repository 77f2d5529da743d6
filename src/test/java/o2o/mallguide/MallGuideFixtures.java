package o2o.mallguide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.malls.MallFixtures;
import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** A mall whose tenants are open all day for pick-up, each with a dish of its own, and the cart across them. */
final class MallGuideFixtures {

    private final Api api;
    private final Fixtures fixtures;

    MallGuideFixtures(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    /** A tenant store with one dish. */
    record Shop(MerchantFixture merchant, UUID store, String name, String unit, UUID item, String dish, long price) {}

    record Mall(MallFixtures.MallFixture mall, List<Shop> shops) {
        UUID id() {
            return mall.id();
        }
    }

    /** A mall with one tenant per dish (name, price), on L1, L2, L3 in turn. */
    Mall mall(String name, Map<String, Long> dishes) {
        var mall = new MallFixtures(api, fixtures).mall(name, 0);
        var shops = new ArrayList<Shop>();
        int i = 0;
        for (var dish : dishes.entrySet()) {
            int floor = 1 + i % 3;
            var unit = "L" + floor + "-" + (20 + i);
            shops.add(shop(mall.id(), name + "店" + (++i), floor, unit, dish.getKey(), dish.getValue()));
        }
        return new Mall(mall, shops);
    }

    Shop shop(UUID mall, String name, int floor, String unit, String dish, long price) {
        var merchant = fixtures.approvedMerchant(name);
        var store = store(merchant, name);
        if (mall != null) {
            var letIn = api.post("/api/v1/admin/malls/" + mall + "/tenants",
                    Map.of("storeId", store, "floor", floor, "unit", unit, "category", "餐饮"), fixtures.operatorToken());
            assertThat(letIn.status()).as(letIn.raw()).isEqualTo(201);
        }
        var category = api.post("/api/v1/merchant/menu/categories", Map.of("name", "热菜", "sortOrder", 1),
                merchant.ownerToken());
        assertThat(category.status()).as(category.raw()).isEqualTo(201);
        var item = api.post("/api/v1/merchant/menu/items", Map.of("categoryId", category.text("id"), "name", dish,
                "description", "招牌", "price", Map.of("minor", price, "currency", "CNY"), "optionGroups", List.of()),
                merchant.ownerToken());
        assertThat(item.status()).as(item.raw()).isEqualTo(201);
        return new Shop(merchant, store, name, unit, UUID.fromString(item.text("id")), dish, price);
    }

    UUID store(MerchantFixture merchant, String name) {
        var body = new HashMap<String, Object>(Fixtures.storeBody(Fixtures.unique(name), MallFixtures.LAT,
                MallFixtures.LNG, "餐饮"));
        var hours = new HashMap<String, List<String>>();
        for (var day : DayOfWeek.values()) hours.put(day.name(), List.of("00:00-00:00"));
        body.put("openingHours", hours);
        var created = api.post("/api/v1/merchant/stores", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** A deal on sale now at the store, titled as given. */
    UUID deal(Shop shop, String title, long price) {
        var now = Instant.now();
        var body = new HashMap<String, Object>(Map.of("title", title, "description", "两人份", "includes",
                List.of("米饭 x2"), "price", Map.of("minor", price, "currency", "CNY"),
                "originalPrice", Map.of("minor", price * 2, "currency", "CNY"), "storeIds", List.of(shop.store()),
                "saleStartsAt", now.minusSeconds(60).toString(), "saleEndsAt", now.plus(Duration.ofDays(7)).toString(),
                "validFrom", now.minusSeconds(60).toString(), "validUntil", now.plus(Duration.ofDays(30)).toString()));
        body.put("refundPolicy", "ANYTIME");
        body.put("flashSale", false);
        var created = api.post("/api/v1/merchant/deals", body, shop.merchant().ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    static Map<String, Object> line(Shop shop, int quantity) {
        return Map.of("storeId", shop.store(), "itemId", shop.item(), "quantity", quantity);
    }

    static Map<String, Object> cart(List<Map<String, Object>> lines) {
        return Map.of("lines", lines, "pickupTime", "");
    }

    /** Metres per degree of latitude on the sphere the delivery distances are counted on. */
    static final double METERS_PER_DEGREE = Math.PI * 6_371_008.8 / 180;

    /** A point this many metres due north of the mall (where its tenants' stores are). */
    static double[] north(double meters) {
        return new double[] {MallFixtures.LAT + meters / METERS_PER_DEGREE, MallFixtures.LNG};
    }

    /** One circular delivery zone for the tenant: within {@code radius} metres, a flat fee, a minimum. */
    void delivers(Shop shop, int radius, long fee, long minimum) {
        var zone = api.post("/api/v1/merchant/stores/" + shop.store() + "/delivery/zones", Map.of("name", "商圈",
                "priority", 1, "radiusMeters", radius, "minimum", Map.of("minor", minimum, "currency", "CNY"),
                "baseFee", Map.of("minor", fee, "currency", "CNY"), "feeBands", List.of()),
                shop.merchant().ownerToken());
        assertThat(zone.status()).as(zone.raw()).isEqualTo(201);
    }

    /** An address of the customer's book at a point; answers its id. */
    String address(String customer, double[] point) {
        var added = api.post("/api/v1/me/addresses", Map.of("label", "公司", "contact", "李先生", "phone",
                Fixtures.uniquePhone(), "address", "南京西路 100 号 12 楼", "lat", point[0], "lng", point[1]), customer);
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    /** The lines delivered to an address of the book, with the fees the page showed per store (if any). */
    static Map<String, Object> delivered(List<Map<String, Object>> lines, String addressId,
            Map<UUID, Long> shownFees) {
        var fees = new HashMap<String, Object>();
        shownFees.forEach((store, fee) -> fees.put(store.toString(), Map.of("minor", fee, "currency", "CNY")));
        return Map.of("lines", lines, "fulfilment", "DELIVERY", "addressId", addressId, "note", "放前台",
                "shownFees", fees);
    }

    Api.Response place(String customer, UUID mall, Object body, String key) {
        return api.send("POST", "/api/v1/malls/" + mall + "/cart-orders", body, customer,
                Map.of("Idempotency-Key", key));
    }

    /** Pays the whole cart on the sandbox gateway's page, as the customer does. */
    void payBySandbox(String customer, String groupId) {
        fixtures.payOnSandbox("/api/v1/me/mall-orders/" + groupId + "/payments", customer, true);
    }

    JsonNode cartOrder(String customer, String groupId) {
        var response = api.get("/api/v1/me/mall-orders/" + groupId, customer);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    /** The cart once every tenant's order is paid and numbered (the payment chain runs after commit). */
    JsonNode awaitAllPaid(String customer, String groupId) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> cartOrder(customer, groupId), c -> {
                    for (var o : c.path("orders")) {
                        if (!o.path("status").asString().equals("PAID") || o.path("number").isNull()) return false;
                    }
                    return true;
                });
    }
}
