package o2o.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's delivery console and kitchen display through their pages, with the forms' CSRF tokens. */
class DeliveryConsoleIntegrationTests extends ApiTest {

    private static final Pattern COURIER = Pattern.compile("data-courier=\"([0-9a-f-]{36})\"");

    DeliveryFixtures delivery;
    ConsoleFixtures staff;

    @BeforeEach
    void setUp() {
        delivery = new DeliveryFixtures(api, fixtures);
        staff = new ConsoleFixtures(api, fixtures);
    }

    @Test
    void theDeskAcceptsAManagerDispatchesToTheSuggestedCourierReassignsAndCancels() {
        var shop = delivery.deliveringShop("外卖控制台", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var id = delivery.paidOrder(shop, customer, phone);
        var console = "/merchant/stores/" + shop.store() + "/delivery";
        var owner = new WebSession(port).signInAsStaff(shop.merchant().ownerUsername(), "password-1");

        var page = owner.get(console);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-order-id=\"" + id + "\"", "data-status=\"CREATED\"", "红烧肉", "少辣",
                "hx-trigger=\"every 5s\"");

        assertThat(owner.post(console + "/orders/" + id + "/accept", Map.of()).status()).isEqualTo(302);
        assertThat(staffView(shop, id).path("status").asString()).isEqualTo("ACCEPTED");
        var again = owner.post(console + "/orders/" + id + "/accept", Map.of());
        assertThat(again.status()).as("a stale tap is shown on the board").isEqualTo(200);
        assertThat(again.body()).contains("id=\"delivery-problem\"");
        assertThat(staffView(shop, id).path("status").asString()).isEqualTo("ACCEPTED");

        var li = staff.courierOnShift(shop, "小李");
        page = owner.get(console);
        // the dispatch board names couriers by the name the merchant gave them, as an assigned order does
        assertThat(page.body()).contains("assign-suggested", "建议派给 " + li.name());
        assertThat(couriers(page.body())).containsExactly(li.id().toString());
        var dispatched = owner.post(console + "/dispatch", Map.of("orderIds", id, "courierId", li.id().toString()));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(302);
        var assigned = staffView(shop, id);
        assertThat(assigned.path("status").asString()).isEqualTo("COURIER_ASSIGNED");
        assertThat(assigned.path("courierName").asString()).isEqualTo("小李");

        assertThat(owner.post(console + "/orders/" + id + "/ready", Map.of()).status()).isEqualTo(302);
        assertThat(staffView(shop, id).path("readyAt").isString()).isTrue();

        var wang = staff.courierOnShift(shop, "小王");
        assertThat(owner.post(console + "/orders/" + id + "/assign", Map.of("courierId", wang.id().toString()))
                .status()).isEqualTo(302);
        assertThat(staffView(shop, id).path("courierName").asString()).isEqualTo("小王");
        var nobody = owner.post(console + "/orders/" + id + "/assign", Map.of());
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.body()).contains("id=\"delivery-problem\"");

        var kitchen = new WebSession(port).signInAsStaff(
                staff.hire(shop, Role.KITCHEN, "后厨", Set.of()).username(), "password-1");
        var kitchenPage = kitchen.get(console);
        assertThat(kitchenPage.status()).isEqualTo(200);
        assertThat(kitchenPage.body()).doesNotContain("ticket-cancel", "assign-suggested", "ticket-assign");
        assertThat(kitchen.post(console + "/orders/" + id + "/cancel", Map.of()).status()).isEqualTo(403);
        assertThat(kitchen.post(console + "/orders/" + id + "/assign", Map.of("courierId", li.id().toString())).status())
                .isEqualTo(403);
        assertThat(staffView(shop, id).path("status").asString()).isEqualTo("COURIER_ASSIGNED");

        assertThat(owner.post(console + "/orders/" + id + "/cancel", Map.of()).status()).isEqualTo(302);
        assertThat(staffView(shop, id).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(owner.get(console).body()).doesNotContain("data-order-id=\"" + id + "\"");
    }

    @Test
    void theKitchenDisplayLoadsTheDeliveryOrdersFromTheDeliveryModuleAndTakesThemInAndOut() {
        var shop = delivery.deliveringShop("外卖后厨", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var id = delivery.paidOrder(shop, customer, phone);
        var cook = new WebSession(port).signInAsStaff(
                staff.hire(shop, Role.KITCHEN, "后厨", Set.of(shop.store())).username(), "password-1");

        var display = cook.get("/merchant/stores/" + shop.store() + "/kitchen");
        assertThat(display.status()).isEqualTo(200);
        assertThat(display.body()).contains("hx-get=\"/merchant/stores/" + shop.store() + "/delivery/kitchen\"",
                "hx-trigger=\"load, every 5s\"");

        var base = "/merchant/stores/" + shop.store() + "/delivery/kitchen";
        var fragment = cook.get(base);
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("data-order-id=\"" + id + "\"", "红烧肉", "× 2", "少辣", "kitchen-accept")
                .doesNotContain("kitchen-ready", "配送费");

        var accepted = cook.post(base + "/" + id + "/accept", Map.of());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).contains("kitchen-ready").doesNotContain("kitchen-accept");
        assertThat(staffView(shop, id).path("status").asString()).isEqualTo("ACCEPTED");

        var ready = cook.post(base + "/" + id + "/ready", Map.of());
        assertThat(ready.body()).contains("data-ready=\"true\"").doesNotContain("kitchen-ready");
        var twice = cook.post(base + "/" + id + "/ready", Map.of());
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body()).contains("delivery-kitchen-problem");

        var courier = delivery.courierOnShift(shop);
        assertThat(delivery.courier(courier, id, "accept", null).status()).isEqualTo(200);
        assertThat(cook.get(base).body()).contains("data-order-id=\"" + id + "\"");
        assertThat(delivery.courier(courier, id, "picked-up", null).status()).isEqualTo(200);
        assertThat(cook.get(base).body()).as("picked up: off the display")
                .doesNotContain("data-order-id=\"" + id + "\"").contains("delivery-kitchen-empty");
    }

    @Test
    void ownersDrawZonesAsCirclesOrPolygonsAndABadPolygonComesBackOnTheForm() {
        var shop = delivery.deliveringShop("外卖范围页", 6000);
        var owner = new WebSession(port).signInAsStaff(shop.merchant().ownerUsername(), "password-1");
        var zones = "/merchant/stores/" + shop.store() + "/delivery/zones";
        assertThat(owner.get(zones).body()).contains("全城", "门店周边 6000 米", "起送 ¥20.00");
        owner.get(zones + "/new");

        var bowtie = polygon("交叉", "31.20,121.40\n31.21,121.41\n31.20,121.41\n31.21,121.40");
        var refused = owner.post(zones + "/new", bowtie);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"errors\"", "must not cross", "31.21,121.41", "交叉");
        assertThat(zoneList(shop)).hasSize(1);

        var badLine = owner.post(zones + "/new", polygon("坏行", "31.20;121.40\n31.21,121.41\n31.20,121.41"));
        assertThat(badLine.body()).contains("id=\"errors\"", "line 1");

        var made = owner.post(zones + "/new", polygon("南京西路", "31.20,121.40\n31.22,121.40\n31.22,121.42\n31.21,121.41"));
        assertThat(made.status()).isEqualTo(302);
        var list = zoneList(shop);
        assertThat(list).hasSize(2);
        var drawn = list.stream().filter(z -> z.path("name").asString().equals("南京西路")).findFirst().orElseThrow();
        assertThat(drawn.path("points")).hasSize(4);
        assertThat(drawn.path("priority").asInt()).isEqualTo(2);
        assertThat(drawn.path("baseFee").path("minor").asLong()).isEqualTo(650);
        assertThat(drawn.path("feeBands").get(0).path("fromMeters").asInt()).isEqualTo(3000);
        assertThat(drawn.path("feeBands").get(0).path("perKm").path("minor").asLong()).isEqualTo(150);
        assertThat(drawn.path("hours").path("MONDAY").get(0).asString()).isEqualTo("10:00-22:00");
        var zoneId = drawn.path("id").asString();

        var edit = owner.get(zones + "/" + zoneId);
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("31.22,121.42", "3000 1.50", "value=\"10:00-22:00\"");
        var circle = new java.util.HashMap<>(polygon("南京西路", ""));
        circle.put("shape", "CIRCLE");
        circle.put("radiusMeters", "2500");
        for (var day : java.time.DayOfWeek.values()) circle.put("hours[" + day + "]", "");
        assertThat(owner.post(zones + "/" + zoneId, circle).status()).isEqualTo(302);
        var changed = zoneList(shop).stream().filter(z -> z.path("id").asString().equals(zoneId)).findFirst()
                .orElseThrow();
        assertThat(changed.path("radiusMeters").asInt()).isEqualTo(2500);
        assertThat(changed.path("points").isNull()).isTrue();
        assertThat(changed.path("hours").isNull()).as("empty hours: the store's own").isTrue();

        assertThat(owner.post(zones + "/" + zoneId + "/remove", Map.of()).status()).isEqualTo(302);
        assertThat(zoneList(shop)).hasSize(1);

        var cashier = new WebSession(port).signInAsStaff(
                staff.hire(shop, Role.CASHIER, "收银", Set.of()).username(), "password-1");
        assertThat(cashier.get(zones).status()).isEqualTo(403);
        assertThat(cashier.get(zones + "/new").status()).isEqualTo(403);
        assertThat(cashier.post(zones + "/new", polygon("收银", "31.20,121.40\n31.22,121.40\n31.22,121.42"))
                .status()).isEqualTo(403);
        assertThat(zoneList(shop)).hasSize(1);
    }

    @Test
    void theSettingsFormSavesAndRefusesAProviderThatIsNotConfigured() {
        var shop = delivery.deliveringShop("外卖设置页", 6000);
        var owner = new WebSession(port).signInAsStaff(shop.merchant().ownerUsername(), "password-1");
        var zones = "/merchant/stores/" + shop.store() + "/delivery/zones";
        assertThat(owner.get(zones).body()).contains("name=\"preparationMinutes\"", "value=\"own\"");

        var unknown = owner.post("/merchant/stores/" + shop.store() + "/delivery/settings", settings("nobody", "7.50"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("id=\"errors\"", "provider", "value=\"7.50\"");
        var before = api.get("/api/v1/merchant/stores/" + shop.store() + "/delivery/settings",
                shop.merchant().ownerToken());
        assertThat(before.body().path("speedKmh").asInt()).isEqualTo(20);

        var saved = owner.post("/merchant/stores/" + shop.store() + "/delivery/settings", settings("own", "7.50"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(owner.get(zones).body()).contains("settings-saved");
        var after = api.get("/api/v1/merchant/stores/" + shop.store() + "/delivery/settings",
                shop.merchant().ownerToken()).body();
        assertThat(after.path("preparationMinutes").asInt()).isEqualTo(15);
        assertThat(after.path("minutesPerQueued").asInt()).isEqualTo(3);
        assertThat(after.path("speedKmh").asInt()).isEqualTo(25);
        assertThat(after.path("capacity").asInt()).isEqualTo(8);
        assertThat(after.path("provider").asString()).isEqualTo("own");
        assertThat(after.path("ownCost").path("minor").asLong()).isEqualTo(750);
    }

    private static Map<String, String> settings(String provider, String cost) {
        return Map.of("preparationMinutes", "15", "minutesPerQueued", "3", "speedKmh", "25", "capacity", "8",
                "provider", provider, "ownCost", cost);
    }

    private static Map<String, String> polygon(String name, String points) {
        var form = new java.util.HashMap<String, String>(Map.of("name", name, "priority", "2", "shape", "POLYGON",
                "radiusMeters", "", "points", points, "minimum", "30", "baseFee", "6.50", "feeBands", "3000 1.50"));
        for (var day : java.time.DayOfWeek.values()) form.put("hours[" + day + "]", "10:00-22:00");
        return form;
    }

    private List<tools.jackson.databind.JsonNode> zoneList(DeliveryFixtures.Shop shop) {
        var response = api.get("/api/v1/merchant/stores/" + shop.store() + "/delivery/zones",
                shop.merchant().ownerToken());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        var list = new ArrayList<tools.jackson.databind.JsonNode>();
        response.body().forEach(list::add);
        return list;
    }

    private tools.jackson.databind.JsonNode staffView(DeliveryFixtures.Shop shop, String id) {
        var response = api.get(DeliveryFixtures.desk(shop.store()) + "/" + id, shop.merchant().ownerToken());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static List<String> couriers(String html) {
        var found = new ArrayList<String>();
        var m = COURIER.matcher(html);
        while (m.find()) if (!found.contains(m.group(1))) found.add(m.group(1));
        return found;
    }
}
