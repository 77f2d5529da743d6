package o2o.delivery;

import static o2o.delivery.DeliveryFixtures.cny;
import static o2o.delivery.DeliveryFixtures.north;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules peers get wrong: the fee and zone worked out again when the order is placed, orders outside the area or
 * under the minimum refused, pick-up never charged a fee; and the same request twice is one order.
 */
class DeliveryRulesIntegrationTests extends ApiTest {

    DeliveryFixtures delivery;

    @BeforeEach
    void setUp() {
        delivery = new DeliveryFixtures(api, fixtures);
    }

    int myOrders(String customer) {
        return api.get("/api/v1/me/delivery-orders", customer).body().size();
    }

    @Test
    void anAddressOutsideEveryZoneIsRefusedAtTheQuoteAndAtTheOrder() {
        var shop = delivery.deliveringShop("区外", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);

        var quote = delivery.quote(shop.store(), north(6200), 9600);
        assertThat(quote.status()).as(quote.raw()).isEqualTo(422);
        assertThat(quote.text("type")).isEqualTo("urn:o2o:problem:outside-delivery-zone");
        var placed = delivery.place(customer, shop.store(), delivery.order(shop, north(6200), phone));
        assertThat(placed.status()).as(placed.raw()).isEqualTo(422);
        assertThat(placed.text("type")).isEqualTo("urn:o2o:problem:outside-delivery-zone");
        assertThat(myOrders(customer)).isZero();
    }

    @Test
    void anOrderUnderTheZonesMinimumIsRefusedAndTheFeeDoesNotCountTowardsIt() {
        var shop = delivery.shop("起送");
        delivery.zone(shop, DeliveryFixtures.circle("近", 1, 3000, 5000, 800, List.of()));
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);

        var quote = delivery.quote(shop.store(), north(1000), 4800);
        assertThat(quote.body().path("meetsMinimum").asBoolean()).isFalse();
        assertThat(quote.body().path("minimum").path("minor").asLong()).isEqualTo(5000);
        var body = delivery.order(shop, north(1000), phone);
        body.put("lines", List.of(DeliveryFixtures.line(shop.pork(), 1)));
        var refused = delivery.place(customer, shop.store(), body);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("urn:o2o:problem:delivery-below-minimum");
        assertThat(myOrders(customer)).isZero();

        body.put("lines", List.of(DeliveryFixtures.line(shop.pork(), 1), DeliveryFixtures.line(shop.drink(), 1)));
        assertThat(delivery.place(customer, shop.store(), body).status()).isEqualTo(201);
    }

    @Test
    void theFeeIsWorkedOutForTheAddressTheOrderNamesNotTheOneQuotedBefore() {
        var shop = delivery.deliveringShop("改地址", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var quoted = delivery.quote(shop.store(), north(1000), 9600);
        assertThat(quoted.body().path("fee").path("minor").asLong()).isEqualTo(500);

        // the customer changed the address to one 4.5 km away after seeing the quote for 1 km
        var body = delivery.order(shop, north(4500), phone);
        body.put("shownFee", cny(500));
        var changed = delivery.place(customer, shop.store(), body);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(409);
        assertThat(changed.text("type")).isEqualTo("urn:o2o:problem:delivery-fee-changed");
        assertThat(changed.body().path("fee").path("minor").asLong()).isEqualTo(700);
        assertThat(myOrders(customer)).isZero();

        body.put("shownFee", cny(700));
        var placed = delivery.place(customer, shop.store(), body);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        assertThat(placed.body().path("feeAmount").path("minor").asLong()).isEqualTo(700);

        // without a fee shown, the order is priced for its own address all the same
        var far = delivery.place(customer, shop.store(), delivery.order(shop, north(5500), phone));
        assertThat(far.body().path("feeAmount").path("minor").asLong()).isEqualTo(500 + 3 * 100);
        var outside = delivery.place(customer, shop.store(), delivery.order(shop, north(6100), phone));
        assertThat(outside.status()).isEqualTo(422);
    }

    @Test
    void anAddressFromTheBookIsUsedAsItWasWhenOrderedAndAnotherCustomersIsNotFound() {
        var shop = delivery.deliveringShop("地址簿", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var other = fixtures.customerToken(Fixtures.uniquePhone());
        var added = api.post("/api/v1/me/addresses", DeliveryFixtures.address(north(2000), phone), customer);
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        var addressId = added.text("id");

        var body = new HashMap<String, Object>(Map.of("lines", List.of(DeliveryFixtures.line(shop.pork(), 1)),
                "addressId", addressId));
        var placed = delivery.place(customer, shop.store(), body);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        assertThat(placed.body().path("distanceMeters").asInt()).isEqualTo(2000);

        var moved = new HashMap<String, Object>(DeliveryFixtures.address(north(3500), phone));
        assertThat(api.put("/api/v1/me/addresses/" + addressId, moved, customer).status()).isEqualTo(200);
        assertThat(delivery.mine(customer, placed.text("id")).path("distanceMeters").asInt())
                .as("the order keeps the address as ordered").isEqualTo(2000);

        assertThat(api.get("/api/v1/me/addresses/" + addressId, other).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/me/addresses/" + addressId, null, other).status()).isEqualTo(404);
        assertThat(delivery.place(other, shop.store(), body).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/delivery-orders/" + placed.text("id"), other).status()).isEqualTo(404);
    }

    @Test
    void aPickUpOrderAtAStoreThatDeliversIsNeverChargedAFee() {
        var shop = delivery.deliveringShop("自提无运费", 6000);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var pickup = api.send("POST", "/api/v1/stores/" + shop.store() + "/pickup-orders",
                Map.of("lines", List.of(DeliveryFixtures.line(shop.pork(), 2)), "pickupTime", "", "note", ""),
                customer, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(pickup.status()).as(pickup.raw()).isEqualTo(201);
        assertThat(pickup.body().path("totalAmount").path("minor").asLong()).isEqualTo(9600);
        assertThat(pickup.body().path("lines").size()).isEqualTo(1);
    }

    @Test
    void theSameRequestTwiceIsOneOrder() {
        var shop = delivery.deliveringShop("幂等", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var body = delivery.order(shop, north(2000), phone);
        var first = api.send("POST", "/api/v1/stores/" + shop.store() + "/delivery-orders", body, customer, key);
        var second = api.send("POST", "/api/v1/stores/" + shop.store() + "/delivery-orders", body, customer, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(myOrders(customer)).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        var shop = delivery.deliveringShop("坏输入", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var owner = shop.merchant().ownerToken();

        assertThat(api.get("/api/v1/stores/" + shop.store() + "/delivery/quote?lat=200&lng=121").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/stores/" + shop.store() + "/delivery/quote?lat=abc&lng=121").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/stores/" + UUID.randomUUID() + "/delivery/quote?lat=31.2&lng=121.4").status())
                .isEqualTo(404);
        var noAddress = new HashMap<String, Object>(Map.of("lines", List.of(DeliveryFixtures.line(shop.pork(), 1))));
        assertThat(delivery.place(customer, shop.store(), noAddress).status()).isEqualTo(400);
        var noLines = delivery.order(shop, north(1000), phone);
        noLines.put("lines", List.of());
        assertThat(delivery.place(customer, shop.store(), noLines).status()).isEqualTo(400);
        var badPhone = delivery.order(shop, north(1000), "12345");
        assertThat(delivery.place(customer, shop.store(), badPhone).status()).isEqualTo(400);
        assertThat(myOrders(customer)).isZero();

        var zones = "/api/v1/merchant/stores/" + shop.store() + "/delivery/zones";
        var before = api.get(zones, owner).body();
        var twoPoints = DeliveryFixtures.polygon("线", 1, List.of(north(0), north(100)), 0, 0);
        var refused = api.post(zones, twoPoints, owner);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        var both = DeliveryFixtures.circle("两者", 1, 1000, 0, 0, List.of());
        both.put("points", List.of(Map.of("lat", 31.2, "lng", 121.4)));
        assertThat(api.post(zones, both, owner).status()).isEqualTo(400);
        var badBands = DeliveryFixtures.circle("档", 1, 1000, 0, 0,
                List.of(DeliveryFixtures.band(3000, 100), DeliveryFixtures.band(2000, 100)));
        assertThat(api.post(zones, badBands, owner).status()).isEqualTo(400);
        assertThat(api.get(zones, owner).body()).isEqualTo(before);
        var settings = api.put("/api/v1/merchant/stores/" + shop.store() + "/delivery/settings",
                Map.of("preparationMinutes", 10, "minutesPerQueued", 2, "speedKmh", 0, "capacity", 10,
                        "provider", "own", "ownCost", cny(600)), owner);
        assertThat(settings.status()).isEqualTo(400);
    }

    @Test
    void aConcavePolygonZoneServesItsArmsButNotItsNotchAndTheFirstPriorityWins() {
        var shop = delivery.shop("多边形");
        // a U round the store: arms 0–1 km and 2–3 km east, 0–3 km north, joined in the south
        double d = 1000 / DeliveryFixtures.METERS_PER_DEGREE;
        double lat = DeliveryFixtures.STORE_LAT - d;
        double lng = DeliveryFixtures.STORE_LNG - d;
        double dLng = d / Math.cos(Math.toRadians(DeliveryFixtures.STORE_LAT));
        var u = List.of(new double[] {lat, lng}, new double[] {lat, lng + 3 * dLng},
                new double[] {lat + 3 * d, lng + 3 * dLng}, new double[] {lat + 3 * d, lng + 2 * dLng},
                new double[] {lat + d, lng + 2 * dLng}, new double[] {lat + d, lng + dLng},
                new double[] {lat + 3 * d, lng + dLng}, new double[] {lat + 3 * d, lng});
        delivery.zone(shop, DeliveryFixtures.polygon("商圈", 1, u, 0, 300));
        delivery.zone(shop, DeliveryFixtures.circle("外圈", 2, 5000, 0, 900, List.of()));

        var arm = delivery.quote(shop.store(), new double[] {lat + 2.5 * d, lng + 0.5 * dLng}, 0);
        assertThat(arm.body().path("zoneName").asString()).isEqualTo("商圈");
        assertThat(arm.body().path("fee").path("minor").asLong()).isEqualTo(300);
        var notch = delivery.quote(shop.store(), new double[] {lat + 2.5 * d, lng + 1.5 * dLng}, 0);
        assertThat(notch.body().path("zoneName").asString()).as("the notch falls to the outer circle")
                .isEqualTo("外圈");
        assertThat(notch.body().path("fee").path("minor").asLong()).isEqualTo(900);
        var edge = delivery.quote(shop.store(), new double[] {lat, lng + 1.5 * dLng}, 0);
        assertThat(edge.body().path("zoneName").asString()).as("on the polygon's edge").isEqualTo("商圈");
    }
    @Test
    void aCouponIsForTheGoodsItsMinimumSpendAndDiscountLeaveTheFeeOut() {
        var shop = delivery.deliveringShop("券不含运费", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var now = java.time.Instant.now();
        var template = api.post("/api/v1/merchant/coupons", Map.of("title", "满百减二十", "kind", "AMOUNT_OFF",
                "amountOff", cny(2000), "minSpend", cny(10000), "totalQuantity", 10, "perCustomerLimit", 2,
                "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plus(java.time.Duration.ofDays(10)).toString()), shop.merchant().ownerToken());
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        var coupon = api.post("/api/v1/me/coupons", Map.of("templateId", template.text("id")), customer);
        assertThat(coupon.status()).as(coupon.raw()).isEqualTo(201);

        // ¥96 of goods and a ¥7 fee: ¥103 in all, but the goods do not reach the coupon's ¥100
        var body = delivery.order(shop, north(4500), phone);
        body.put("couponId", coupon.text("id"));
        var refused = delivery.place(customer, shop.store(), body);
        assertThat(refused.status()).as(refused.raw()).isIn(409, 422);
        assertThat(myOrders(customer)).isZero();

        body.put("lines", List.of(DeliveryFixtures.line(shop.pork(), 2), DeliveryFixtures.line(shop.drink(), 1)));
        var placed = delivery.place(customer, shop.store(), body);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        assertThat(placed.body().path("discountAmount").path("minor").asLong()).isEqualTo(2000);
        assertThat(placed.body().path("totalAmount").path("minor").asLong()).isEqualTo(10400 + 700 - 2000);
    }
}
