package o2o.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.PosSaleBodies;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;

/**
 * A merchant with a store open all week, a menu item, a POS key and a deal, and customers who buy there each way a
 * review can follow: a deal whose voucher is redeemed, a table share paid, a pick-up handed over, a member's POS sale.
 * All through the public API, as the people involved would.
 */
final class ReviewFixtures {

    private final Api api;
    private final Fixtures fixtures;
    private final int port;

    ReviewFixtures(Api api, Fixtures fixtures, int port) {
        this.api = api;
        this.fixtures = fixtures;
        this.port = port;
    }

    record Shop(MerchantFixture merchant, UUID store, String name, UUID item, String posKey, UUID deal, String cashier) {}

    record Customer(String token, String phone) {}

    Shop shop(String name) {
        var merchant = fixtures.approvedMerchant(name);
        var storeName = Fixtures.unique(name);
        var body = new HashMap<String, Object>(Fixtures.storeBody(storeName, 31.2, 121.4, "本帮菜"));
        var allDay = new HashMap<String, List<String>>();
        for (var day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            allDay.put(day, List.of("00:00-00:00"));
        }
        body.put("openingHours", allDay);
        var created = api.post("/api/v1/merchant/stores", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var store = UUID.fromString(created.text("id"));
        var category = created(api.post("/api/v1/merchant/menu/categories", Map.of("name", "热菜", "sortOrder", 1),
                merchant.ownerToken()));
        var item = created(api.post("/api/v1/merchant/menu/items", Map.of("categoryId", category, "name", "青菜",
                "price", Map.of("minor", 1800, "currency", "CNY")), merchant.ownerToken()));
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken());
        assertThat(key.status()).as(key.raw()).isEqualTo(201);
        var deal = fixtures.deal(merchant, Set.of(store), 9900, null, false, "ANYTIME");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        return new Shop(merchant, store, storeName, UUID.fromString(item), key.text("secret"), deal, cashier);
    }

    Customer customer() {
        var phone = Fixtures.uniquePhone();
        return new Customer(fixtures.customerToken(phone), phone);
    }

    /** A member's sale at the store's POS: a paid POS order on their profile. */
    String memberSale(Shop shop, Customer customer) {
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", shop.merchant().id()), customer.token());
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        return sale(shop, Map.of("phone", customer.phone()));
    }

    /** A sale to the person with this phone, whom the counter enrols as a member first (no sign-in code needed). */
    String counterMemberSale(Shop shop, String phone) {
        var enrolled = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "会员"),
                shop.merchant().ownerToken());
        assertThat(enrolled.status()).as(enrolled.raw()).isIn(200, 201);
        return sale(shop, Map.of("phone", phone));
    }

    /** A walk-in sale: nobody's order. */
    String walkInSale(Shop shop) {
        return sale(shop, null);
    }

    private String sale(Shop shop, Map<String, String> member) {
        var recorded = api.post("/api/v1/pos/sales", PosSaleBodies.sale(Fixtures.unique("T-"), 8800,
                Instant.now().minusSeconds(30), "WECHAT", member), shop.posKey());
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        return recorded.text("orderId");
    }

    /** A deal order paid, its voucher not yet used. */
    String paidDeal(Shop shop, Customer customer) {
        var order = fixtures.order(customer.token(), shop.deal(), 1);
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        fixtures.pay(customer.token(), order.text("id"), true);
        return order.text("id");
    }

    /** A deal order whose voucher the cashier redeemed at the counter. */
    String redeemedDeal(Shop shop, Customer customer) {
        var orderId = paidDeal(shop, customer);
        var voucher = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/me/vouchers", customer.token()).body(), vs -> {
                    for (var v : vs) if (v.path("orderId").asString().equals(orderId)) return true;
                    return false;
                });
        String code = null;
        for (var v : voucher) if (v.path("orderId").asString().equals(orderId)) code = v.path("code").asString();
        var redeemed = api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", shop.store()),
                shop.cashier());
        assertThat(redeemed.status()).as(redeemed.raw()).isEqualTo(200);
        return orderId;
    }

    /** A pick-up order placed and paid; {@code handedOver} also collected at the counter. */
    String pickup(Shop shop, Customer customer, boolean handedOver) {
        var placed = api.send("POST", "/api/v1/stores/" + shop.store() + "/pickup-orders",
                Map.of("lines", List.of(Map.of("itemId", shop.item(), "quantity", 1)), "pickupTime", ""),
                customer.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        var orderId = placed.text("id");
        var payment = api.post("/api/v1/me/pickup-orders/" + orderId + "/payments", Map.of("provider", "sandbox"),
                customer.token());
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        confirm(payment.text("redirectUrl"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/me/pickup-orders/" + orderId, customer.token()).text("status"),
                        "PAID"::equals);
        if (handedOver) {
            var done = api.post("/api/v1/merchant/stores/" + shop.store() + "/pickup-orders/" + orderId
                    + "/handed-over", null, shop.cashier());
            assertThat(done.status()).as(done.raw()).isEqualTo(200);
        }
        return orderId;
    }

    /** A table's whole bill, one share, paid online by the customer: a paid DINE_IN order of theirs. */
    String paidTableShare(Shop shop, Customer customer) {
        var table = api.post("/api/v1/merchant/stores/" + shop.store() + "/tables",
                Map.of("label", Fixtures.unique("A"), "seats", 4), shop.merchant().ownerToken());
        assertThat(table.status()).as(table.raw()).isEqualTo(201);
        var code = table.text("code");
        var seated = api.post("/api/v1/merchant/tables/" + table.text("id") + "/session", Map.of("partySize", 2),
                shop.merchant().ownerToken());
        assertThat(seated.status()).as(seated.raw()).isEqualTo(201);
        var added = api.post("/api/v1/tables/" + code + "/cart/lines",
                Map.of("itemId", shop.item(), "optionIds", List.of(), "quantity", 2), customer.token());
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        var round = api.post("/api/v1/tables/" + code + "/rounds", null, customer.token());
        assertThat(round.status()).as(round.raw()).isEqualTo(201);
        assertThat(api.post("/api/v1/tables/" + code + "/bill", null, customer.token()).status()).isEqualTo(200);
        var split = api.post("/api/v1/tables/" + code + "/bill/split", Map.of("split", "WHOLE", "parts", 1),
                customer.token());
        assertThat(split.status()).as(split.raw()).isEqualTo(200);
        var share = split.body().path("shares").get(0).path("id").asString();
        var paid = api.post("/api/v1/tables/" + code + "/bill/shares/" + share + "/payment",
                Map.of("method", "sandbox"), customer.token());
        assertThat(paid.status()).as(paid.raw()).isIn(200, 201);
        confirm(paid.text("redirectUrl"));
        var orderId = paid.text("orderId");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/me/orders/" + orderId, customer.token()).text("status"),
                        s -> s.equals("PAID") || s.equals("COMPLETED"));
        return orderId;
    }

    Api.Response review(String customerToken, String orderId, int taste, int environment, int service, String text) {
        return api.post("/api/v1/orders/" + orderId + "/review", Map.of("taste", taste, "environment", environment,
                "service", service, "text", text, "photos", List.of("https://img.example.com/a.jpg")), customerToken);
    }

    private void confirm(String redirectUrl) {
        var session = new WebSession(port);
        assertThat(session.get(redirectUrl).status()).isEqualTo(200);
        assertThat(session.post(redirectUrl + "/confirm", Map.of()).status()).isEqualTo(302);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }
}
