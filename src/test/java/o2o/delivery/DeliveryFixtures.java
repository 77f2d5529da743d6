package o2o.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * A store at (31.2, 121.4) that delivers, with 红烧肉 (¥48) and 酸梅汤 (¥8) on its menu; customers with addresses a
 * given distance north of it; its couriers; and the customer's, the desk's and the courier's side of an order.
 */
final class DeliveryFixtures {

    static final double STORE_LAT = 31.2;
    static final double STORE_LNG = 121.4;
    /** Metres per degree of latitude on the sphere the distances are counted on. */
    static final double METERS_PER_DEGREE = Math.PI * 6_371_008.8 / 180;

    private final Api api;
    private final Fixtures fixtures;

    DeliveryFixtures(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    record Shop(MerchantFixture merchant, UUID store, String storeName, UUID pork, UUID drink) {}

    /** A store open all day, with no zone yet. */
    Shop shop(String name) {
        var merchant = fixtures.approvedMerchant(name);
        var storeName = Fixtures.unique(name);
        var body = new HashMap<String, Object>(Fixtures.storeBody(storeName, STORE_LAT, STORE_LNG, "本帮菜"));
        var hours = new HashMap<String, List<String>>();
        for (var day : DayOfWeek.values()) hours.put(day.name(), List.of("00:00-00:00"));
        body.put("openingHours", hours);
        var created = api.post("/api/v1/merchant/stores", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var store = UUID.fromString(created.text("id"));
        var category = api.post("/api/v1/merchant/menu/categories", Map.of("name", "热菜", "sortOrder", 1),
                merchant.ownerToken());
        assertThat(category.status()).as(category.raw()).isEqualTo(201);
        var pork = item(merchant, category.text("id"), "红烧肉", 4800);
        var drink = item(merchant, category.text("id"), "酸梅汤", 800);
        return new Shop(merchant, store, storeName, pork, drink);
    }

    /** A store with one circular zone: base fee ¥5, ¥1 per started km beyond 3 km, minimum ¥20. */
    Shop deliveringShop(String name, int radiusMeters) {
        var shop = shop(name);
        zone(shop, circle("全城", 1, radiusMeters, 2000, 500, List.of(band(3000, 100))));
        return shop;
    }

    JsonNode zone(Shop shop, Map<String, Object> body) {
        var created = api.post("/api/v1/merchant/stores/" + shop.store() + "/delivery/zones", body,
                shop.merchant().ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    static Map<String, Object> circle(String name, int priority, int radius, long minimum, long base,
            List<Map<String, Object>> bands) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("priority", priority);
        body.put("radiusMeters", radius);
        body.put("minimum", cny(minimum));
        body.put("baseFee", cny(base));
        body.put("feeBands", bands);
        return body;
    }

    static Map<String, Object> polygon(String name, int priority, List<double[]> points, long minimum, long base) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("priority", priority);
        var list = new ArrayList<Map<String, Object>>();
        for (var p : points) list.add(Map.of("lat", p[0], "lng", p[1]));
        body.put("points", list);
        body.put("minimum", cny(minimum));
        body.put("baseFee", cny(base));
        body.put("feeBands", List.of());
        return body;
    }

    static Map<String, Object> band(int fromMeters, long perKm) {
        return Map.of("fromMeters", fromMeters, "perKm", cny(perKm));
    }

    static Map<String, Object> cny(long minor) {
        return Map.of("minor", minor, "currency", "CNY");
    }

    /** A point this many metres due north of the store. */
    static double[] north(double meters) {
        return new double[] {STORE_LAT + meters / METERS_PER_DEGREE, STORE_LNG};
    }

    static Map<String, Object> address(double[] point, String phone) {
        return Map.of("label", "家", "contact", "王小姐", "phone", phone, "address", "静安区某路 1 号",
                "lat", point[0], "lng", point[1]);
    }

    static Map<String, Object> line(UUID item, int quantity, UUID... options) {
        return Map.of("itemId", item, "quantity", quantity, "optionIds", Arrays.asList(options));
    }

    Api.Response quote(UUID store, double[] point, long subtotal) {
        return api.get("/api/v1/stores/" + store + "/delivery/quote?lat=" + point[0] + "&lng=" + point[1]
                + "&subtotal=" + subtotal);
    }

    Api.Response place(String customer, UUID store, Map<String, Object> body) {
        return api.send("POST", "/api/v1/stores/" + store + "/delivery-orders", body, customer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** Two 红烧肉 to a point, placed with the customer's phone as the contact. */
    Map<String, Object> order(Shop shop, double[] point, String phone) {
        var body = new HashMap<String, Object>();
        body.put("lines", List.of(line(shop.pork(), 2)));
        body.put("address", address(point, phone));
        body.put("note", "少辣");
        return body;
    }

    /** Places an order 2 km north and pays it on the sandbox; answers its id once the store sees it paid. */
    String paidOrder(Shop shop, String customer, String phone) {
        var placed = place(customer, shop.store(), order(shop, north(2000), phone));
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        var id = placed.text("id");
        payBySandbox(customer, id);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> mine(customer, id).path("paidAt").isString());
        return id;
    }

    void payBySandbox(String customer, String orderId) {
        fixtures.payOnSandbox("/api/v1/me/delivery-orders/" + orderId + "/payments", customer, true);
    }

    JsonNode mine(String customer, String orderId) {
        var response = api.get("/api/v1/me/delivery-orders/" + orderId, customer);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    static String desk(UUID store) {
        return "/api/v1/merchant/stores/" + store + "/delivery-orders";
    }

    JsonNode accept(Shop shop, String orderId) {
        var accepted = api.post(desk(shop.store()) + "/" + orderId + "/accept", null, shop.merchant().ownerToken());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        return accepted.body();
    }

    /** A courier of the shop's merchant, on shift. */
    String courierOnShift(Shop shop) {
        var courier = fixtures.staff(shop.merchant(), Role.COURIER, java.util.Set.of());
        var on = api.put("/api/v1/merchant/courier/shift", Map.of("onShift", true), courier);
        assertThat(on.status()).as(on.raw()).isEqualTo(200);
        return courier;
    }

    Api.Response courier(String courier, String orderId, String move, @org.jspecify.annotations.Nullable Object body) {
        return api.post("/api/v1/merchant/courier/deliveries/" + orderId + "/" + move, body, courier);
    }

    private UUID item(MerchantFixture merchant, String category, String name, long price) {
        var body = new HashMap<String, Object>(Map.of("categoryId", category, "name", name, "description", "招牌",
                "price", cny(price)));
        body.put("optionGroups", List.of());
        var created = api.post("/api/v1/merchant/menu/items", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }
}
