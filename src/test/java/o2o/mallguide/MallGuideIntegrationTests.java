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
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The guide's search and the cart across a mall's tenants, paid once, over HTTP and the real database. */
class MallGuideIntegrationTests extends ApiTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    MallGuideFixtures guide;

    @BeforeEach
    void setUp() {
        guide = new MallGuideFixtures(api, fixtures);
    }

    private MallGuideFixtures.Mall threeTenants(String name) {
        var dishes = new LinkedHashMap<String, Long>();
        dishes.put("红烧狮子头", 3800L);
        dishes.put("葱油拌面", 1800L);
        dishes.put("杨枝甘露", 2200L);
        return guide.mall(name, dishes);
    }

    private long ordersOf(MallGuideFixtures.Shop shop) {
        return jdbc.sql("select count(*) from customer_order where store_id = :s").param("s", shop.store())
                .query(Long.class).single();
    }

    private long due(UUID mall, MallGuideFixtures.Shop shop) {
        return ledger.find(new AccountKey("MALL_COLLECTED_DUE", "merchant:" + shop.merchant().id(), "mall:" + mall,
                "CNY")).map(a -> a.balance()).orElse(0L);
    }

    @Test
    void searchFindsADealOfOneTenantAndAnItemOfAnotherByAChineseSubstring() {
        var mall = threeTenants("搜索广场");
        var a = mall.shops().get(1);
        var b = mall.shops().get(0);
        var deal = guide.deal(a, "红烧牛肉双人餐", 9900);
        var outsider = guide.shop(null, "场外店", 1, "X", "红烧排骨", 4000);

        var found = api.get("/api/v1/malls/" + mall.id() + "/search?q=" + "红烧");

        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        var ids = new ArrayList<String>();
        for (var hit : found.body()) ids.add(hit.path("kind").asString() + ":" + hit.path("id").asString());
        assertThat(ids).contains("DEAL:" + deal, "ITEM:" + b.item()).doesNotContain("ITEM:" + outsider.item());
        for (var hit : found.body()) {
            if (hit.path("id").asString().equals(deal.toString())) {
                assertThat(hit.path("storeId").asString()).isEqualTo(a.store().toString());
                assertThat(hit.path("unit").asString()).isEqualTo(a.unit());
            }
            if (hit.path("id").asString().equals(b.item().toString())) {
                assertThat(hit.path("storeName").asString()).startsWith(b.name());
                assertThat(hit.path("unit").asString()).isEqualTo(b.unit());
            }
        }
        // a name that starts with the text comes before one that only holds it
        var first = api.get("/api/v1/malls/" + mall.id() + "/search?q=" + "葱油");
        assertThat(first.body().get(0).path("id").asString()).isEqualTo(mall.shops().get(1).item().toString());
        assertThat(api.get("/api/v1/malls/" + mall.id() + "/search?q=").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/malls/" + UUID.randomUUID() + "/search?q=面").status()).isEqualTo(404);
    }

    @Test
    void aCartOfThreeTenantsIsThreePickupOrdersPaidOnceAndBookedPerTenant() {
        var mall = threeTenants("一车三店");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var s = mall.shops();

        var placed = guide.place(customer, mall.id(), MallGuideFixtures.cart(List.of(
                MallGuideFixtures.line(s.get(0), 2), MallGuideFixtures.line(s.get(1), 1),
                MallGuideFixtures.line(s.get(2), 3), MallGuideFixtures.line(s.get(0), 1))),
                UUID.randomUUID().toString());

        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        var groupId = placed.text("groupId");
        assertThat(placed.body().path("totalAmount").path("minor").asLong()).isEqualTo(3 * 3800 + 1800 + 3 * 2200);
        var orders = placed.body().path("orders");
        assertThat(orders).hasSize(3);
        assertThat(orders.get(0).path("storeId").asString()).isEqualTo(s.get(0).store().toString());
        assertThat(orders.get(0).path("totalAmount").path("minor").asLong()).isEqualTo(3 * 3800);
        assertThat(orders.get(1).path("totalAmount").path("minor").asLong()).isEqualTo(1800);
        assertThat(orders.get(2).path("totalAmount").path("minor").asLong()).isEqualTo(3 * 2200);
        // a grouped order is not paid on its own
        var alone = api.post("/api/v1/me/pickup-orders/" + orders.get(0).path("orderId").asString() + "/payments",
                Map.of("provider", "sandbox"), customer);
        assertThat(alone.status()).as(alone.raw()).isEqualTo(409);

        guide.payBySandbox(customer, groupId);

        var paid = guide.awaitAllPaid(customer, groupId);
        for (var o : paid.path("orders")) {
            assertThat(o.path("orderStatus").asString()).isEqualTo("PAID");
            assertThat(o.path("number").asString()).isEqualTo("001");
        }
        assertThat(jdbc.sql("select count(*) from payment where order_id = :g").param("g", UUID.fromString(groupId))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select amount_minor from payment where order_id = :g and status = 'SUCCEEDED'")
                .param("g", UUID.fromString(groupId)).query(Long.class).single()).isEqualTo(3 * 3800 + 1800 + 3 * 2200);
        assertThat(jdbc.sql("select merchant_id from payment where order_id = :g").param("g", UUID.fromString(groupId))
                .query(UUID.class).single()).isEqualTo(mall.mall().operator().id());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(due(mall.id(), s.get(0))).isEqualTo(3 * 3800);
            assertThat(due(mall.id(), s.get(1))).isEqualTo(1800);
            assertThat(due(mall.id(), s.get(2))).isEqualTo(3 * 2200);
        });

        // the second tenant refunds its order at the counter: only its amount goes back, and its due is reversed
        var refunded = api.post("/api/v1/merchant/stores/" + s.get(1).store() + "/pickup-orders/"
                + orders.get(1).path("orderId").asString() + "/refund", null, s.get(1).merchant().ownerToken());
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
        assertThat(jdbc.sql("select coalesce(sum(amount_minor), 0) from refund where order_id = :g")
                .param("g", UUID.fromString(groupId)).query(Long.class).single()).isEqualTo(1800);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(due(mall.id(), s.get(1))).isZero();
            assertThat(due(mall.id(), s.get(0))).isEqualTo(3 * 3800);
        });
        var after = guide.cartOrder(customer, groupId).path("orders");
        assertThat(after.get(1).path("orderStatus").asString()).isEqualTo("REFUNDED");
        assertThat(after.get(0).path("orderStatus").asString()).isEqualTo("PAID");
        assertThat(ledger.reconcile().clean()).isTrue();
    }

    @Test
    void theSameKeyTwiceOrEightTimesAtOnceIsOneGroup() throws Exception {
        var mall = threeTenants("同键广场");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var body = MallGuideFixtures.cart(List.of(MallGuideFixtures.line(mall.shops().get(0), 1),
                MallGuideFixtures.line(mall.shops().get(2), 1)));
        var key = UUID.randomUUID().toString();
        var first = guide.place(customer, mall.id(), body, key);
        var again = guide.place(customer, mall.id(), body, key);
        assertThat(again.text("groupId")).isEqualTo(first.text("groupId"));

        var racedKey = UUID.randomUUID().toString();
        var answers = Concurrently.atOnce(java.util.stream.IntStream.range(0, 8)
                .<Callable<o2o.testing.Api.Response>>mapToObj(i -> () -> guide.place(customer, mall.id(), body, racedKey))
                .toList());

        var groups = answers.stream().filter(r -> r.status() == 201).map(r -> r.text("groupId")).distinct().toList();
        assertThat(groups).hasSize(1);
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(jdbc.sql("select count(*) from order_group where customer_id = (select customer_id from order_group where id = :g)")
                .param("g", UUID.fromString(groups.getFirst())).query(Long.class).single()).isEqualTo(2);
        assertThat(ordersOf(mall.shops().get(0))).isEqualTo(2);
    }

    @Test
    void aStalePriceASoldOutDishOrAStoreOutsideTheMallPlacesNothing() {
        var mall = threeTenants("拒单广场");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var s = mall.shops();
        var outsider = guide.shop(null, "场外", 1, "X", "场外面", 1000);

        var stale = new LinkedHashMap<String, Object>(MallGuideFixtures.line(s.get(1), 1));
        stale.put("shownAmount", Map.of("minor", 1500, "currency", "CNY"));
        var refusedPrice = guide.place(customer, mall.id(), MallGuideFixtures.cart(List.of(
                MallGuideFixtures.line(s.get(0), 1), stale)), UUID.randomUUID().toString());
        assertThat(refusedPrice.status()).as(refusedPrice.raw()).isEqualTo(409);
        assertThat(refusedPrice.text("type")).endsWith("mall-cart-price-changed");

        var soldOut = api.put("/api/v1/merchant/stores/" + s.get(2).store() + "/menu/items/" + s.get(2).item()
                + "/sold-out", Map.of("soldOut", true), s.get(2).merchant().ownerToken());
        assertThat(soldOut.status()).as(soldOut.raw()).isEqualTo(200);
        var refusedSoldOut = guide.place(customer, mall.id(), MallGuideFixtures.cart(List.of(
                MallGuideFixtures.line(s.get(0), 1), MallGuideFixtures.line(s.get(2), 1))),
                UUID.randomUUID().toString());
        assertThat(refusedSoldOut.status()).as(refusedSoldOut.raw()).isEqualTo(409);

        var refusedOutsider = guide.place(customer, mall.id(), MallGuideFixtures.cart(List.of(
                MallGuideFixtures.line(s.get(0), 1), MallGuideFixtures.line(outsider, 1))),
                UUID.randomUUID().toString());
        assertThat(refusedOutsider.status()).as(refusedOutsider.raw()).isEqualTo(404);

        var badInput = guide.place(customer, mall.id(), Map.of("lines", List.of(Map.of("storeId", s.get(0).store(),
                "itemId", s.get(0).item(), "quantity", 0))), UUID.randomUUID().toString());
        assertThat(badInput.status()).as(badInput.raw()).isEqualTo(400);
        var empty = guide.place(customer, mall.id(), Map.of("lines", List.of()), UUID.randomUUID().toString());
        assertThat(empty.status()).as(empty.raw()).isEqualTo(400);
        var badTime = guide.place(customer, mall.id(), Map.of("lines", List.of(MallGuideFixtures.line(s.get(0), 1)),
                "pickupTime", "25:99"), UUID.randomUUID().toString());
        assertThat(badTime.status()).as(badTime.raw()).isEqualTo(400);
        var noKey = api.post("/api/v1/malls/" + mall.id() + "/cart-orders",
                MallGuideFixtures.cart(List.of(MallGuideFixtures.line(s.get(0), 1))), customer);
        assertThat(noKey.status()).as(noKey.raw()).isEqualTo(400);

        for (var shop : s) assertThat(ordersOf(shop)).isZero();
        assertThat(ordersOf(outsider)).isZero();
    }

    @Test
    void anotherCustomerCannotReadOrPayTheCartAndAnotherMallDoesNotHaveIt() {
        var mall = threeTenants("他人广场");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var other = fixtures.customerToken(Fixtures.uniquePhone());
        var placed = guide.place(customer, mall.id(), MallGuideFixtures.cart(List.of(
                MallGuideFixtures.line(mall.shops().get(0), 1))), UUID.randomUUID().toString());
        var groupId = placed.text("groupId");

        assertThat(api.get("/api/v1/me/mall-orders/" + groupId, other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/mall-orders/" + groupId + "/payments", Map.of("provider", "sandbox"), other)
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/mall-orders/" + groupId, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/mall-orders/" + UUID.randomUUID(), customer).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/mall-orders/" + groupId + "/payments", Map.of("provider", "wallet"), customer)
                .status()).isEqualTo(400);
        // a tenant's owner is staff, not a customer: no cart of theirs
        var staff = mall.shops().get(0).merchant().ownerToken();
        assertThat(guide.place(staff, mall.id(), MallGuideFixtures.cart(List.of(
                MallGuideFixtures.line(mall.shops().get(0), 1))), UUID.randomUUID().toString()).status()).isEqualTo(403);
    }

    @Test
    void aStoreOfAnotherMallIsRefusedAndItsGoodsAreNotFoundHere() {
        var here = threeTenants("本场广场");
        var there = guide.mall("他场广场", new LinkedHashMap<>(Map.of("红烧鳗鱼", 8800L)));
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        var refused = guide.place(customer, here.id(), MallGuideFixtures.cart(List.of(
                MallGuideFixtures.line(here.shops().get(0), 1), MallGuideFixtures.line(there.shops().get(0), 1))),
                UUID.randomUUID().toString());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(404);
        assertThat(ordersOf(here.shops().get(0))).isZero();
        assertThat(ordersOf(there.shops().get(0))).isZero();

        var found = api.get("/api/v1/malls/" + here.id() + "/search?q=" + "红烧");
        assertThat(found.body().findValuesAsString("storeId")).doesNotContain(there.shops().get(0).store().toString());
        assertThat(found.body().findValuesAsString("id")).contains(here.shops().get(0).item().toString());
    }

    @Test
    void aCartWithOneOrderCancelledIsNoLongerPaid() {
        var mall = threeTenants("取消广场");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var placed = guide.place(customer, mall.id(), MallGuideFixtures.cart(List.of(
                MallGuideFixtures.line(mall.shops().get(0), 1), MallGuideFixtures.line(mall.shops().get(1), 1))),
                UUID.randomUUID().toString());
        var first = placed.body().path("orders").get(0).path("orderId").asString();

        var cancelled = api.post("/api/v1/me/pickup-orders/" + first + "/cancel", null, customer);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        var pay = api.post("/api/v1/me/mall-orders/" + placed.text("groupId") + "/payments",
                Map.of("provider", "sandbox"), customer);

        assertThat(pay.status()).as(pay.raw()).isEqualTo(409);
        assertThat(pay.text("type")).endsWith("order-not-payable");
        assertThat(jdbc.sql("select count(*) from payment where order_id = :g")
                .param("g", UUID.fromString(placed.text("groupId"))).query(Long.class).single()).isZero();
    }
}
