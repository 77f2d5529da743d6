package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import o2o.testing.Api;
import o2o.testing.Fixtures;

/**
 * One merchant with a store and one of everything the merchant API's paths name (table, area, deal, coupon, webhook,
 * campaign and tracking code, menu item, member, card, POS key, points-mall item, segment, a staff member to change),
 * and one signed-in person per role: its owner, a merchant-wide member of each staff role, and the operator. Ids nobody can create cheaply here
 * (reservations, pick-up and delivery orders, redemptions, deliveries, zones, bill shares, imports, round items, reviews) are random: a role allowed
 * to call the operation gets a 404 or 409 for them, never a 401 or 403.
 */
final class RoleTableWorld {

    private static final Pattern VARIABLE = Pattern.compile("([^/]+)/\\{([^}]+)}");

    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final Map<String, String> ids = new HashMap<>();

    RoleTableWorld(Api api, Fixtures fixtures) {
        var merchant = fixtures.approvedMerchant("角色表");
        var owner = merchant.ownerToken();
        tokens.put(Role.OWNER, owner);
        for (var role : List.of(Role.MANAGER, Role.CASHIER, Role.WAITER, Role.KITCHEN, Role.COURIER)) {
            tokens.put(role, fixtures.staff(merchant, role, Set.of()));
        }
        tokens.put(Role.OPERATOR, fixtures.operatorToken());

        var store = fixtures.store(merchant, "角色表门店", 31.23, 121.47, "火锅").toString();
        var area = created(api.post("/api/v1/merchant/stores/" + store + "/areas", Map.of("name", "大厅"), owner));
        var table = created(api.post("/api/v1/merchant/stores/" + store + "/tables",
                Map.of("label", "A1", "seats", 4, "areaId", area), owner));
        var category = created(api.post("/api/v1/merchant/menu/categories", Map.of("name", "热菜", "sortOrder", 1),
                owner));
        var item = created(api.post("/api/v1/merchant/menu/items", Map.of("categoryId", category, "name", "红烧肉",
                "price", Map.of("minor", 4800, "currency", "CNY")), owner));
        var deal = fixtures.deal(merchant, Set.of(UUID.fromString(store)), 9900, null, false, "ANYTIME").toString();
        var now = Instant.now();
        var coupon = created(api.post("/api/v1/merchant/coupons", Map.of("title", "角色表券", "kind", "AMOUNT_OFF",
                "amountOff", Map.of("minor", 500, "currency", "CNY"), "minSpend", Map.of("minor", 0, "currency", "CNY"),
                "totalQuantity", 10, "perCustomerLimit", 2, "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plus(Duration.ofDays(10)).toString()), owner));
        var mallItem = created(api.post("/api/v1/merchant/points-mall/items",
                Map.of("couponTemplateId", coupon, "points", 300, "stock", 5), owner));
        var webhook = created(api.post("/api/v1/merchant/webhooks",
                Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("order.paid")), owner));
        var campaign = created(api.post("/api/v1/merchant/campaigns", Map.of("name", "角色表活动",
                "startsOn", "2027-05-01", "endsOn", "2027-05-05"), owner));
        var trackingCode = created(api.post("/api/v1/merchant/campaigns/" + campaign + "/tracking-codes",
                Map.of("channel", "POSTER", "target", "STORE", "storeId", store), owner));
        var phone = Fixtures.uniquePhone();
        var member = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "会员"), owner);
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        var card = Fixtures.unique("VIP-");
        created(api.post("/api/v1/merchant/member-cards", Map.of("phone", phone, "cardNumber", card), owner));
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"), owner);
        assertThat(key.status()).as(key.raw()).isEqualTo(201);
        var colleague = created(api.post("/api/v1/merchant/staff", Map.of("username", Fixtures.unique("colleague"),
                "password", "password-1", "displayName", "同事", "role", "CASHIER"), owner));

        var segment = created(api.post("/api/v1/merchant/segments", Map.of("name", "角色表分群",
                "rule", Map.of("field", "visits", "op", "gte", "value", 1)), owner));

        ids.put("segments/{id}", segment);
        ids.put("stores/{storeId}", store);
        ids.put("stores/{id}", store);
        ids.put("areas/{areaId}", area);
        ids.put("tables/{tableId}", table);
        ids.put("categories/{categoryId}", category);
        ids.put("items/{itemId}", item);
        ids.put("deals/{id}", deal);
        ids.put("items/{id}", mallItem);
        ids.put("webhooks/{id}", webhook);
        ids.put("campaigns/{id}", campaign);
        ids.put("tracking-codes/{codeId}", trackingCode);
        ids.put("members/{customerId}", member.text("customerId"));
        ids.put("member-cards/{cardNumber}", card);
        ids.put("pos-keys/{keyId}", key.body().path("key").path("id").asString());
        ids.put("staff/{id}", colleague);
        var building = fixtures.store(merchant, "角色表商场", 31.23, 121.47, "购物中心").toString();
        var mall = created(api.post("/api/v1/admin/malls", Map.of("buildingStoreId", building, "name", "角色表商场",
                "floors", List.of(Map.of("level", 1, "name", "L1"))), fixtures.operatorToken()));
        var tenantMerchant = fixtures.approvedMerchant("角色表租户");
        var tenantStore = fixtures.store(tenantMerchant, "角色表租户", 31.23, 121.47, "零售").toString();
        assertThat(api.post("/api/v1/admin/malls/" + mall + "/tenants", Map.of("storeId", tenantStore, "floor", 1,
                "unit", "L1-01", "category", "零售"), fixtures.operatorToken()).status()).isEqualTo(201);
        ids.put("tenants/{storeId}", tenantStore);
        ids.put("payment-providers/{provider}", "sandbox");
        for (var unknown : List.of("reservations/{id}", "pickup-orders/{id}", "redemptions/{id}", "member-imports/{id}",
                "round-items/{itemId}", "shares/{shareId}", "deliveries/{deliveryId}", "reviews/{id}",
                "delivery-orders/{id}", "deliveries/{id}", "zones/{zoneId}", "statements/{id}", "events/{eventId}",
                "commission-rates/{rateId}")) {
            ids.put(unknown, UUID.randomUUID().toString());
        }
    }

    /** The path with this merchant's ids in place of its variables, each chosen by the segment before it. */
    String fill(String template) {
        var matcher = VARIABLE.matcher(template);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var id = ids.get(matcher.group(0));
            assertThat(id).as("an id for %s in %s", matcher.group(0), template).isNotNull();
            matcher.appendReplacement(filled, matcher.group(1) + "/" + id);
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }
}
