package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.identity.Role;
import o2o.ledger.Ledger;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The points mall, and points redeemed at the counter: exact points, stock and coupons, once per key. */
class PointsMallIntegrationTests extends ApiTest {

    private static final Instant NEXT_YEAR = Instant.now().plus(400, ChronoUnit.DAYS);

    @Autowired
    Loyalty loyalty;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    PointsSeed seed;
    Fixtures.MerchantFixture merchant;
    UUID store;

    @BeforeEach
    void merchant() {
        seed = new PointsSeed(api, loyalty, ledger, jdbc);
        merchant = fixtures.approvedMerchant("积分商城");
        store = fixtures.store(merchant, Fixtures.unique("商城店"), 31.2, 121.4, "火锅");
    }

    @Test
    void aMemberExchangesPointsForACouponOncePerKey() {
        var template = couponTemplate(merchant, 100);
        var item = offer(merchant, template, 300, null);
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1000, NEXT_YEAR);

        var listed = api.get("/api/v1/points-mall?merchantId=" + merchant.id(), member.token());
        assertThat(listed.body().size()).isEqualTo(1);
        assertThat(listed.body().get(0).path("points").asLong()).isEqualTo(300);

        var key = UUID.randomUUID().toString();
        var first = exchange(member, item, key);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().path("balance").asLong()).isEqualTo(700);
        assertThat(first.body().path("coupon").path("status").asString()).isEqualTo("AVAILABLE");
        var again = exchange(member, item, key);
        assertThat(again.body().path("coupon").path("id").asString())
                .isEqualTo(first.body().path("coupon").path("id").asString());
        assertThat(seed.balance(member, merchant.id())).isEqualTo(700);
        assertThat(api.get("/api/v1/me/coupons", member.token()).body().size()).isEqualTo(1);
        assertThat(seed.entries("mall:" + member.customerId() + ":" + key)).isEqualTo(1);

        var second = exchange(member, item, UUID.randomUUID().toString());
        assertThat(second.status()).as("the coupon's per-customer limit does not apply to exchanges").isEqualTo(201);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(400);
        assertThat(seed.lotsRemaining(member.customerId(), merchant.id())).isEqualTo(400);
        assertThat(api.get("/api/v1/me/coupons", member.token()).body().size()).isEqualTo(2);
        assertThat(api.get("/api/v1/merchant/coupons", merchant.ownerToken()).body().get(0).path("claimed").asInt())
                .isEqualTo(2);

        var noKey = api.post("/api/v1/points-mall/items/" + item + "/exchange", null, member.token());
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.contentType()).startsWith("application/problem+json");
        var stranger = fixtures.customerToken(Fixtures.uniquePhone());
        var notMember = api.send("POST", "/api/v1/points-mall/items/" + item + "/exchange", null, stranger,
                Map.of("Idempotency-Key", "k"));
        assertThat(notMember.status()).isEqualTo(409);
        assertThat(notMember.text("type")).isEqualTo("urn:o2o:problem:not-a-member");
        var dearer = offer(merchant, template, 500, null);
        var sameKeyOtherItem = exchange(member, dearer, key);
        assertThat(sameKeyOtherItem.status()).as(sameKeyOtherItem.raw()).isEqualTo(409);
        assertThat(sameKeyOtherItem.text("type")).isEqualTo("urn:o2o:problem:points-reference-reused");
        var tooPoor = exchange(member, dearer, UUID.randomUUID().toString());
        assertThat(tooPoor.status()).isEqualTo(409);
        assertThat(tooPoor.text("type")).isEqualTo("urn:o2o:problem:insufficient-balance");
        assertThat(seed.balance(member, merchant.id())).isEqualTo(400);
        assertThat(api.get("/api/v1/me/coupons", member.token()).body().size()).isEqualTo(2);

        assertThat(api.delete("/api/v1/merchant/points-mall/items/" + item, merchant.ownerToken()).status())
                .isEqualTo(204);
        assertThat(exchange(member, item, UUID.randomUUID().toString()).status()).isEqualTo(404);
    }

    @Test
    void twentyExchangesAtOnceForAnItemOfFiveGiveExactlyFiveCoupons() throws Exception {
        var item = offer(merchant, couponTemplate(merchant, 100), 100, 5);
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1000, NEXT_YEAR);

        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 20; i++) tasks.add(() -> exchange(member, item, UUID.randomUUID().toString()));
        var statuses = Concurrently.atOnce(tasks).stream().map(Api.Response::status).toList();

        assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 409).count()).as(statuses.toString()).isEqualTo(15);
        assertThat(api.get("/api/v1/me/coupons", member.token()).body().size()).isEqualTo(5);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(500);
        assertThat(seed.lotsRemaining(member.customerId(), merchant.id())).isEqualTo(500);
        var items = api.get("/api/v1/merchant/points-mall/items", merchant.ownerToken()).body();
        assertThat(items.get(0).path("stock").asInt()).isZero();
        assertThat(items.get(0).path("exchanged").asInt()).isEqualTo(5);
        assertThat(api.get("/api/v1/points-mall?merchantId=" + merchant.id(), member.token()).body().size())
                .as("a sold-out item is not on offer").isZero();
    }

    @Test
    void manyMembersAtOnceCannotExchangeMoreCouponsThanTheTemplateHas() throws Exception {
        var item = offer(merchant, couponTemplate(merchant, 3), 100, null);
        var members = new ArrayList<PointsSeed.Member>();
        for (int i = 0; i < 8; i++) {
            var member = seed.member(fixtures, merchant.id());
            seed.credit(member.customerId(), merchant.id(), 100, NEXT_YEAR);
            members.add(member);
        }
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (var member : members) tasks.add(() -> exchange(member, item, "only-once"));
        var statuses = Concurrently.atOnce(tasks).stream().map(Api.Response::status).toList();
        assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(3);
        long left = members.stream().mapToLong(m -> seed.balance(m, merchant.id())).sum();
        assertThat(left).as("points of the five turned away stay theirs").isEqualTo(500);
    }

    @Test
    void aCashierRedeemsPointsAtTheCounterOncePerKey() {
        seed.rules(merchant, 100, 50, 50);
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1000, NEXT_YEAR);
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));

        var key = UUID.randomUUID().toString();
        var body = Map.of("phone", member.phone(), "points", 300, "note", "午餐");
        var first = counter(cashier, body, key);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().path("value").path("minor").asLong()).isEqualTo(300);
        assertThat(first.body().path("balance").asLong()).isEqualTo(700);
        var again = counter(cashier, body, key);
        assertThat(again.body().path("balance").asLong()).isEqualTo(700);
        var byOwner = counter(merchant.ownerToken(), Map.of("customerId", member.customerId(), "points", 300), key);
        assertThat(byOwner.status()).as("another of the merchant's staff with the same key: " + byOwner.raw())
                .isEqualTo(201);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(700);
        assertThat(seed.entries("counter:" + merchant.id() + ":" + key)).isEqualTo(1);

        assertThat(counter(cashier, Map.of("phone", member.phone(), "points", 20), UUID.randomUUID().toString())
                .status()).as("below the minimum").isEqualTo(400);
        var tooMuch = counter(cashier, Map.of("phone", member.phone(), "points", 800), UUID.randomUUID().toString());
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(counter(cashier, Map.of("points", 100), UUID.randomUUID().toString()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/merchant/points/redemptions", Map.of("phone", member.phone(), "points", 100),
                cashier).status()).as("without an Idempotency-Key").isEqualTo(400);
        var waiter = fixtures.staff(merchant, Role.WAITER, Set.of(store));
        assertThat(counter(waiter, Map.of("phone", member.phone(), "points", 100), UUID.randomUUID().toString())
                .status()).isEqualTo(403);
        var stranger = Fixtures.uniquePhone();
        fixtures.customerToken(stranger);
        assertThat(counter(cashier, Map.of("phone", stranger, "points", 100), UUID.randomUUID().toString()).status())
                .isEqualTo(404);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(700);
        assertThat(seed.lotsRemaining(member.customerId(), merchant.id())).isEqualTo(700);
    }

    @Test
    void tenCounterRedemptionsAtOnceNeverTakeMoreThanTheBalance() throws Exception {
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1000, NEXT_YEAR);
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> counter(merchant.ownerToken(), Map.of("customerId", member.customerId(), "points", 300),
                    UUID.randomUUID().toString()));
        }
        var statuses = Concurrently.atOnce(tasks).stream().map(Api.Response::status).toList();
        assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(3);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(100);
        assertThat(seed.lotsRemaining(member.customerId(), merchant.id())).isEqualTo(100);
    }

    @Test
    void anotherMerchantsStaffCannotTouchThisMerchantsMallRulesOrMembers() {
        var b = merchant;
        var bTemplate = couponTemplate(b, 10);
        var bItem = offer(b, bTemplate, 100, 3);
        var bMember = seed.member(fixtures, b.id());
        seed.credit(bMember.customerId(), b.id(), 500, NEXT_YEAR);
        seed.rules(b, 100, 40, 10);

        var a = fixtures.approvedMerchant("别家商户");
        var aStore = fixtures.store(a, Fixtures.unique("别家店"), 31.2, 121.4, "火锅");
        var attackers = List.of(a.ownerToken(), fixtures.staff(a, Role.MANAGER, Set.of()),
                fixtures.staff(a, Role.CASHIER, Set.of(aStore)));
        var victim = new Victim(b.ownerToken(), Map.of("item", bItem.toString(), "template", bTemplate.toString(),
                "customer", bMember.customerId().toString()));
        List<java.util.function.Function<Victim, Endpoint>> endpoints = List.of(
                v -> Endpoint.of("DELETE", v.fill("/api/v1/merchant/points-mall/items/{item}"), null,
                        "/api/v1/merchant/points-mall/items"),
                v -> Endpoint.of("POST", "/api/v1/merchant/points-mall/items",
                        Map.of("couponTemplateId", v.objects().get("template"), "points", 1),
                        "/api/v1/merchant/points-mall/items"));
        var check = new CrossMerchantAccess(api);
        for (var attacker : attackers) {
            for (var endpoint : endpoints) check.assertDenied(attacker, victim, endpoint);
            assertThat(api.get("/api/v1/merchant/points-mall/items", attacker).body().size()).isZero();
            // the harness sends no headers: the counter, which needs an Idempotency-Key, is checked here
            var redeemed = counter(attacker, Map.of("customerId", bMember.customerId(), "points", 100),
                    UUID.randomUUID().toString());
            assertThat(redeemed.status()).as(redeemed.raw()).isEqualTo(404);
            assertThat(redeemed.contentType()).startsWith("application/problem+json");
            var byPhone = counter(attacker, Map.of("phone", bMember.phone(), "points", 100), UUID.randomUUID().toString());
            assertThat(byPhone.status()).as(byPhone.raw()).isEqualTo(404);
        }
        var aRules = api.put("/api/v1/merchant/points-program/redemption",
                Map.of("pointsPerYuanOff", 1, "capPercent", 100, "minPointsPerUse", 0), a.ownerToken());
        assertThat(aRules.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/merchant/points-program/redemption", b.ownerToken()).body().path("capPercent").asInt())
                .as("another merchant's rules are its own program's").isEqualTo(40);
        assertThat(seed.balance(bMember, b.id())).isEqualTo(500);
        assertThat(api.get("/api/v1/points-mall?merchantId=" + b.id(), bMember.token()).body().get(0)
                .path("stock").asInt()).isEqualTo(3);
    }

    private UUID couponTemplate(Fixtures.MerchantFixture owner, int quantity) {
        var now = Instant.now();
        var created = api.post("/api/v1/merchant/coupons", Map.of("title", Fixtures.unique("满50减10"),
                "kind", "AMOUNT_OFF", "amountOff", Map.of("minor", 1000, "currency", "CNY"),
                "minSpend", Map.of("minor", 5000, "currency", "CNY"), "totalQuantity", quantity, "perCustomerLimit", 1,
                "validFrom", now.minusSeconds(60).toString(), "validUntil", now.plus(30, ChronoUnit.DAYS).toString()),
                owner.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private UUID offer(Fixtures.MerchantFixture owner, UUID template, long points, Integer stock) {
        var body = new java.util.HashMap<String, Object>(Map.of("couponTemplateId", template, "points", points));
        if (stock != null) body.put("stock", stock);
        var created = api.post("/api/v1/merchant/points-mall/items", body, owner.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private Api.Response exchange(PointsSeed.Member member, UUID item, String key) {
        return api.send("POST", "/api/v1/points-mall/items/" + item + "/exchange", null, member.token(),
                Map.of("Idempotency-Key", key));
    }

    private Api.Response counter(String staffToken, Map<String, ?> body, String key) {
        return api.send("POST", "/api/v1/merchant/points/redemptions", body, staffToken,
                Map.of("Idempotency-Key", key));
    }
}
