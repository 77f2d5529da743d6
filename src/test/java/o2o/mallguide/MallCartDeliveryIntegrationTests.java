package o2o.mallguide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cart across a mall's tenants delivered: one delivery order per tenant to one address, each at its own zone's
 * fee and minimum, paid once to the mall, over HTTP and the real database.
 */
class MallCartDeliveryIntegrationTests extends ApiTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    MallGuideFixtures guide;

    @BeforeEach
    void setUp() {
        guide = new MallGuideFixtures(api, fixtures);
    }

    /** Two tenants: the first delivers within 3 km for ¥6 above ¥30, the second within 1 km for ¥4, no minimum. */
    private MallGuideFixtures.Mall twoDelivering(String name) {
        var dishes = new LinkedHashMap<String, Long>();
        dishes.put("水煮鱼", 4800L);
        dishes.put("珍珠奶茶", 1500L);
        var mall = guide.mall(name, dishes);
        guide.delivers(mall.shops().get(0), 3000, 600, 3000);
        guide.delivers(mall.shops().get(1), 1000, 400, 0);
        return mall;
    }

    private long deliveriesOf(MallGuideFixtures.Shop shop) {
        return jdbc.sql("select count(*) from customer_order where store_id = :s and channel = 'DELIVERY'")
                .param("s", shop.store()).query(Long.class).single();
    }

    private long due(UUID mall, MallGuideFixtures.Shop shop) {
        return ledger.find(new AccountKey("MALL_COLLECTED_DUE", "merchant:" + shop.merchant().id(), "mall:" + mall,
                "CNY")).map(a -> a.balance()).orElse(0L);
    }

    @Test
    void aCartOfTwoTenantsDeliveredToOneAddressIsTwoDeliveryOrdersEachWithItsFeePaidOnce() {
        var mall = twoDelivering("外送广场");
        var s = mall.shops();
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var address = guide.address(customer, MallGuideFixtures.north(500));

        var placed = guide.place(customer, mall.id(), MallGuideFixtures.delivered(List.of(
                MallGuideFixtures.line(s.get(0), 1), MallGuideFixtures.line(s.get(1), 2)), address,
                Map.of(s.get(0).store(), 600L, s.get(1).store(), 400L)), UUID.randomUUID().toString());

        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        assertThat(placed.text("fulfilment")).isEqualTo("DELIVERY");
        var groupId = placed.text("groupId");
        assertThat(placed.body().path("totalAmount").path("minor").asLong()).isEqualTo(4800 + 600 + 2 * 1500 + 400);
        var orders = placed.body().path("orders");
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).path("deliveryStatus").asString()).isEqualTo("CREATED");
        assertThat(orders.get(0).path("deliveryFee").path("minor").asLong()).isEqualTo(600);
        assertThat(orders.get(0).path("totalAmount").path("minor").asLong()).isEqualTo(4800 + 600);
        assertThat(orders.get(1).path("deliveryFee").path("minor").asLong()).isEqualTo(400);
        assertThat(orders.get(1).path("totalAmount").path("minor").asLong()).isEqualTo(2 * 1500 + 400);
        assertThat(orders.get(0).path("deliveryCode").asString()).matches("\\d{4}");
        assertThat(orders.get(0).path("status").isNull()).isTrue();
        // a grouped delivery order is not paid on its own
        var alone = api.post("/api/v1/me/delivery-orders/" + orders.get(0).path("orderId").asString() + "/payments",
                Map.of("provider", "sandbox"), customer);
        assertThat(alone.status()).as(alone.raw()).isEqualTo(409);

        guide.payBySandbox(customer, groupId);

        for (var o : orders) {
            var id = o.path("orderId").asString();
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                    api.get("/api/v1/me/delivery-orders/" + id, customer).body().path("paidAt").isString());
        }
        assertThat(jdbc.sql("select count(*) from payment where order_id = :g").param("g", UUID.fromString(groupId))
                .query(Long.class).single()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(due(mall.id(), s.get(0))).isEqualTo(4800 + 600);
            assertThat(due(mall.id(), s.get(1))).isEqualTo(2 * 1500 + 400);
        });
        // the store sees it on its delivery desk as any paid delivery order
        var desk = api.get("/api/v1/merchant/stores/" + s.get(1).store() + "/delivery-orders",
                s.get(1).merchant().ownerToken());
        assertThat(desk.status()).as(desk.raw()).isEqualTo(200);
        assertThat(desk.body().findValuesAsString("id")).contains(orders.get(1).path("orderId").asString());

        // the customer cancels the second tenant's order before it is accepted: it is refunded out of the group's one
        // payment, and what the mall owes that tenant goes back to zero
        var second = orders.get(1).path("orderId").asString();
        var cancelled = api.post("/api/v1/me/delivery-orders/" + second + "/cancel", null, customer);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.sql("select coalesce(sum(amount_minor), 0) from refund where order_id = :g and status = 'SUCCEEDED'")
                    .param("g", UUID.fromString(groupId)).query(Long.class).single()).isEqualTo(2 * 1500 + 400);
            assertThat(due(mall.id(), s.get(1))).isZero();
            assertThat(due(mall.id(), s.get(0))).isEqualTo(4800 + 600);
        });
        var after = guide.cartOrder(customer, groupId).path("orders");
        assertThat(after.get(1).path("deliveryStatus").asString()).isEqualTo("CANCELLED");
        assertThat(after.get(0).path("deliveryStatus").asString()).isEqualTo("CREATED");
        assertThat(ledger.reconcile().clean()).isTrue();
    }

    @Test
    void anAddressOutsideOneTenantsZoneAChangedFeeOrABelowMinimumPlacesNothing() {
        var mall = twoDelivering("拒送广场");
        var s = mall.shops();
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var far = guide.address(customer, MallGuideFixtures.north(2000));
        var near = guide.address(customer, MallGuideFixtures.north(500));
        var both = List.of(MallGuideFixtures.line(s.get(0), 1), MallGuideFixtures.line(s.get(1), 1));

        var outside = guide.place(customer, mall.id(), MallGuideFixtures.delivered(both, far, Map.of()),
                UUID.randomUUID().toString());
        assertThat(outside.status()).as(outside.raw()).isEqualTo(422);
        assertThat(outside.text("type")).endsWith("outside-delivery-zone");
        assertThat(outside.text("storeId")).isEqualTo(s.get(1).store().toString());

        var feeChanged = guide.place(customer, mall.id(), MallGuideFixtures.delivered(both, near,
                Map.of(s.get(0).store(), 600L, s.get(1).store(), 300L)), UUID.randomUUID().toString());
        assertThat(feeChanged.status()).as(feeChanged.raw()).isEqualTo(409);
        assertThat(feeChanged.text("type")).endsWith("delivery-fee-changed");
        assertThat(feeChanged.text("storeId")).isEqualTo(s.get(1).store().toString());

        var good = guide.place(customer, mall.id(), MallGuideFixtures.delivered(List.of(
                MallGuideFixtures.line(s.get(1), 1), MallGuideFixtures.line(s.get(0), 1)), near, Map.of()),
                UUID.randomUUID().toString());
        assertThat(good.status()).as(good.raw()).isEqualTo(201);
        var cheap = new LinkedHashMap<String, Long>();
        cheap.put("小笼包", 1200L);
        var small = guide.mall("起送广场", cheap);
        guide.delivers(small.shops().getFirst(), 3000, 500, 2000);
        var refusedMinimum = guide.place(customer, small.id(), MallGuideFixtures.delivered(List.of(
                MallGuideFixtures.line(small.shops().getFirst(), 1)), near, Map.of()), UUID.randomUUID().toString());
        assertThat(refusedMinimum.status()).as(refusedMinimum.raw()).isEqualTo(422);
        assertThat(refusedMinimum.text("type")).endsWith("delivery-below-minimum");

        var other = fixtures.customerToken(Fixtures.uniquePhone());
        var othersAddress = guide.place(other, mall.id(), MallGuideFixtures.delivered(both, near, Map.of()),
                UUID.randomUUID().toString());
        assertThat(othersAddress.status()).as(othersAddress.raw()).isEqualTo(404);
        var noAddress = guide.place(customer, mall.id(), Map.of("lines", both, "fulfilment", "DELIVERY"),
                UUID.randomUUID().toString());
        assertThat(noAddress.status()).as(noAddress.raw()).isEqualTo(400);
        var badAddress = guide.place(customer, mall.id(), Map.of("lines", both, "fulfilment", "DELIVERY",
                "address", Map.of("contact", "李", "phone", "139", "address", "某路", "lat", 91, "lng", 0)),
                UUID.randomUUID().toString());
        assertThat(badAddress.status()).as(badAddress.raw()).isEqualTo(400);
        var badFulfilment = guide.place(customer, mall.id(), Map.of("lines", both, "fulfilment", "DRONE"),
                UUID.randomUUID().toString());
        assertThat(badFulfilment.status()).as(badFulfilment.raw()).isEqualTo(400);

        // only the one cart that was good was placed: one delivery order at each tenant
        assertThat(deliveriesOf(s.get(0))).isEqualTo(1);
        assertThat(deliveriesOf(s.get(1))).isEqualTo(1);
        assertThat(deliveriesOf(small.shops().getFirst())).isZero();
    }

    @Test
    void anAddressGivenInlineIsDeliveredToAndAnotherCustomerCannotReadOrPayTheCart() {
        var mall = twoDelivering("他人外送广场");
        var s = mall.shops();
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var point = MallGuideFixtures.north(800);
        var placed = guide.place(customer, mall.id(), Map.of("lines", List.of(MallGuideFixtures.line(s.get(0), 1)),
                "fulfilment", "DELIVERY", "address", Map.of("contact", "赵女士", "phone", "13912345678",
                        "address", "威海路 8 号", "lat", point[0], "lng", point[1])), UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        var groupId = placed.text("groupId");
        var orderId = placed.body().path("orders").get(0).path("orderId").asString();
        assertThat(api.get("/api/v1/me/delivery-orders/" + orderId, customer).body().path("destination").toString())
                .contains("威海路 8 号");

        var other = fixtures.customerToken(Fixtures.uniquePhone());
        assertThat(api.get("/api/v1/me/mall-orders/" + groupId, other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/mall-orders/" + groupId + "/payments", Map.of("provider", "sandbox"), other)
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/delivery-orders/" + orderId, other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/delivery-orders/" + orderId + "/cancel", null, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/mall-orders/" + groupId, customer).status()).isEqualTo(200);
    }

    @Test
    void theSameKeyTwiceIsOneGroupAndTenCustomersAtOnceAreTenGroups() throws Exception {
        var mall = twoDelivering("同时外送广场");
        var s = mall.shops();
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var address = guide.address(customer, MallGuideFixtures.north(300));
        var body = MallGuideFixtures.delivered(List.of(MallGuideFixtures.line(s.get(0), 1),
                MallGuideFixtures.line(s.get(1), 1)), address, Map.of());
        var key = UUID.randomUUID().toString();
        var first = guide.place(customer, mall.id(), body, key);
        var again = guide.place(customer, mall.id(), body, key);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(again.text("groupId")).isEqualTo(first.text("groupId"));

        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 10; i++) {
            var someone = fixtures.customerToken(Fixtures.uniquePhone());
            var theirs = guide.address(someone, MallGuideFixtures.north(300 + i * 10));
            var cart = MallGuideFixtures.delivered(List.of(MallGuideFixtures.line(s.get(0), 1),
                    MallGuideFixtures.line(s.get(1), 1)), theirs, Map.of());
            tasks.add(() -> guide.place(someone, mall.id(), cart, UUID.randomUUID().toString()));
        }
        var answers = Concurrently.atOnce(tasks);

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
        assertThat(answers.stream().map(r -> r.text("groupId")).distinct()).hasSize(10);
        assertThat(answers).allSatisfy(r -> assertThat(r.body().path("totalAmount").path("minor").asLong())
                .isEqualTo(4800 + 600 + 1500 + 400));
        assertThat(deliveriesOf(s.get(0))).isEqualTo(11);
        assertThat(deliveriesOf(s.get(1))).isEqualTo(11);
        assertThat(jdbc.sql("select count(*) from mall_cart_order where mall_id = :m").param("m", mall.id())
                .query(Long.class).single()).isEqualTo(11);
    }
}
