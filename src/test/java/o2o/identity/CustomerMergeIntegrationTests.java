package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.shared.PhoneNumber;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CustomerMergeIntegrationTests extends ApiTest {

    @Autowired
    Customers customers;

    @Autowired
    Ledger ledger;

    record Person(String phone, String token, UUID id) {}

    Person signIn() {
        var phone = Fixtures.uniquePhone();
        var token = fixtures.customerToken(phone);
        return new Person(phone, token, UUID.fromString(api.get("/api/v1/me", token).text("id")));
    }

    Api.Response merge(UUID source, UUID target) {
        return api.post("/api/v1/admin/customers/merge", Map.of("sourceCustomerId", source, "targetCustomerId", target),
                fixtures.operatorToken());
    }

    void buyAndTopUp(Person person, Fixtures.MerchantFixture merchant, UUID deal, String cashier, long topUpMinor) {
        var orderId = fixtures.order(person.token(), deal, 1).text("id");
        fixtures.pay(person.token(), orderId, true);
        fixtures.vouchersOf(person.token(), 1);
        var topUp = api.send("POST", "/api/v1/merchant/wallet/top-ups",
                Map.of("phone", person.phone(), "amount", Map.of("minor", topUpMinor, "currency", "CNY")), cashier,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(topUp.status()).as(topUp.raw()).isEqualTo(200);
    }

    JsonNode me(String path, String token) {
        return api.get(path, token).body();
    }

    @Test
    void theSourcesOrdersVouchersMembershipPointsAndStoredValueAllLandOnTheTarget() {
        var merchant = fixtures.approvedMerchant("合并会员店");
        var store = fixtures.store(merchant, "合并一店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 10000, null, false, "ANYTIME");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        var source = signIn();
        var target = signIn();

        var sourceJoined = api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), source.token());
        assertThat(sourceJoined.status()).isEqualTo(200);
        buyAndTopUp(source, merchant, deal, cashier, 20000);
        var points = "/api/v1/me/points?merchantId=" + merchant.id();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> me(points, source.token()).path("points").asLong() == 100);
        var card = Fixtures.unique("S-");
        api.post("/api/v1/merchant/member-cards", Map.of("phone", source.phone(), "cardNumber", card), cashier);
        var openid = Fixtures.unique("oSrc_");
        customers.bindWechat(source.id(), new WechatAccount(openid, openid + "-union", "源", null));

        var coupon = couponTemplate(merchant);
        assertThat(api.post("/api/v1/me/coupons", Map.of("templateId", coupon), source.token()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/me/coupons", Map.of("templateId", coupon), target.token()).status()).isEqualTo(201);

        clock.advance(Duration.ofHours(1));
        api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), target.token());
        buyAndTopUp(target, merchant, deal, cashier, 5000);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> me(points, target.token()).path("points").asLong() == 100);

        var merged = merge(source.id(), target.id());
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        assertThat(merged.text("targetId")).isEqualTo(target.id().toString());

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> me("/api/v1/me/vouchers", target.token()).size() == 2
                && me(points, target.token()).path("points").asLong() == 200
                && me("/api/v1/me/orders", target.token()).size() == 2);
        var wallet = "/api/v1/me/wallet?merchantId=" + merchant.id();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                me(wallet, target.token()).path("principal").path("minor").asLong() == 25000);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> me("/api/v1/me/coupons", target.token()).size() == 2);
        assertThat(api.post("/api/v1/me/coupons", Map.of("templateId", coupon), target.token()).status())
                .as("the source's claim counts toward the target's limit of two").isEqualTo(409);
        var memberships = me("/api/v1/me/memberships", target.token());
        assertThat(memberships.size()).isEqualTo(1);
        assertThat(memberships.get(0).path("joinedAt").asString()).as("the earlier join is kept")
                .isEqualTo(sourceJoined.body().path("joinedAt").asString());
        var profile = api.get("/api/v1/merchant/members/" + target.id(), merchant.ownerToken()).body();
        assertThat(profile.path("visits").asInt()).as("both customers' visits on one profile").isEqualTo(2);
        assertThat(profile.path("spend").path("minor").asLong()).isEqualTo(20000);
        assertThat(api.get("/api/v1/merchant/members/" + source.id(), merchant.ownerToken()).status()).isEqualTo(404);

        var programScope = "program:" + me(points, target.token()).path("programId").asString();
        var sourcePoints = ledger.find(new AccountKey("POINTS", "customer:" + source.id(), programScope, "PTS")).orElseThrow();
        assertThat(sourcePoints.balance()).isZero();
        assertThat(ledger.entry("merge:" + source.id() + ":" + target.id() + ":" + sourcePoints.id())).isPresent();
        var sourceWallet = ledger.find(new AccountKey("STORED_VALUE_PRINCIPAL", "customer:" + source.id(),
                "merchant:" + merchant.id(), "CNY")).orElseThrow();
        assertThat(sourceWallet.balance()).isZero();
        var reconciled = api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body();
        assertThat(reconciled.path("differences").size()).isZero();
        assertThat(reconciled.path("unbalancedEntries").size()).isZero();

        assertThat(customers.byCard(merchant.id(), card).orElseThrow().customerId()).isEqualTo(target.id());
        assertThat(customers.byWechatOpenid(openid).orElseThrow().customerId()).isEqualTo(target.id());
        assertThat(customers.wechatOf(target.id())).as("the unionid and profile move with the openid")
                .contains(new WechatAccount(openid, openid + "-union", "源", null));
        assertThat(customers.wechatOf(source.id())).isEmpty();

        var again = merge(source.id(), target.id());
        assertThat(again.status()).as("merging twice").isEqualTo(200);
        assertThat(again.text("mergedAt")).isEqualTo(merged.text("mergedAt"));
        assertThat(me(points, target.token()).path("points").asLong()).isEqualTo(200);
        assertThat(me(wallet, target.token()).path("principal").path("minor").asLong()).isEqualTo(25000);
        assertThat(me("/api/v1/me/orders", target.token()).size()).isEqualTo(2);
    }

    String couponTemplate(Fixtures.MerchantFixture merchant) {
        var now = Instant.now();
        var template = api.post("/api/v1/merchant/coupons", Map.of("title", "合并测试券", "kind", "AMOUNT_OFF",
                "amountOff", Map.of("minor", 500, "currency", "CNY"), "minSpend", Map.of("minor", 0, "currency", "CNY"),
                "totalQuantity", 10, "perCustomerLimit", 2, "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plus(Duration.ofDays(10)).toString()), merchant.ownerToken());
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        return template.text("id");
    }

    @Test
    void theSameMergeRequestedManyTimesAtOnceMovesTheBalancesOnce() throws Exception {
        var merchant = fixtures.approvedMerchant("并发合并");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        var source = signIn();
        var target = signIn();
        for (var person : List.of(source, target)) {
            var topUp = api.send("POST", "/api/v1/merchant/wallet/top-ups",
                    Map.of("phone", person.phone(), "amount", Map.of("minor", 3000, "currency", "CNY")), cashier,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(topUp.status()).as(topUp.raw()).isEqualTo(200);
        }
        var results = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i -> () ->
                merge(source.id(), target.id())).toList());
        assertThat(results).extracting(Api.Response::status).containsOnly(200);
        assertThat(results.stream().map(r -> r.text("mergedAt")).distinct()).hasSize(1);

        var wallet = "/api/v1/me/wallet?merchantId=" + merchant.id();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                me(wallet, target.token()).path("principal").path("minor").asLong() == 6000);
        var sourceAccount = ledger.find(new AccountKey("STORED_VALUE_PRINCIPAL", "customer:" + source.id(),
                "merchant:" + merchant.id(), "CNY")).orElseThrow();
        assertThat(ledger.history(sourceAccount.id(), 10)).as("one top-up and one move out").hasSize(2);
        assertThat(sourceAccount.balance()).isZero();
        assertThat(ledger.moveHolder("customer:" + source.id(), "customer:" + target.id(),
                "merge:" + source.id() + ":" + target.id())).as("nothing left to move").isEmpty();
        assertThat(me(wallet, target.token()).path("principal").path("minor").asLong()).isEqualTo(6000);
    }

    @Test
    void theSourcesPhoneAndTokensSignInAsTheTargetAfterwards() {
        var source = signIn();
        var target = signIn();
        assertThat(merge(source.id(), target.id()).status()).isEqualTo(200);

        var me = api.get("/api/v1/me", source.token());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).as("the source's token acts as the target").isEqualTo(target.id().toString());

        clock.advance(Duration.ofMinutes(2));
        var again = fixtures.customerToken(source.phone());
        assertThat(api.get("/api/v1/me", again).text("id")).isEqualTo(target.id().toString());
        assertThat(customers.byPhone(new PhoneNumber(source.phone())).orElseThrow().customerId())
                .isEqualTo(target.id());
    }

    @Test
    void aCustomerCannotBeMergedIntoItselfIntoAMergedOneOrTwice() {
        var a = signIn();
        var b = signIn();
        var c = signIn();

        var self = merge(a.id(), a.id());
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.contentType()).startsWith("application/problem+json");
        assertThat(merge(a.id(), UUID.randomUUID()).status()).isEqualTo(404);

        assertThat(merge(a.id(), b.id()).status()).isEqualTo(200);
        var intoMerged = merge(c.id(), a.id());
        assertThat(intoMerged.status()).isEqualTo(409);
        assertThat(intoMerged.text("type")).isEqualTo("urn:o2o:problem:customer-not-mergeable");
        assertThat(merge(a.id(), c.id()).status()).as("the source is merged into b already").isEqualTo(409);
        assertThat(merge(b.id(), a.id()).status()).as("no loop back into the merged one").isEqualTo(409);
        assertThat(api.get("/api/v1/me", c.token()).text("id")).isEqualTo(c.id().toString());

        assertThat(api.post("/api/v1/admin/customers/merge", Map.of("sourceCustomerId", c.id(), "targetCustomerId", b.id()),
                c.token()).status()).as("customers cannot merge").isEqualTo(403);
        var merchant = fixtures.approvedMerchant("不能合并");
        assertThat(api.post("/api/v1/admin/customers/merge", Map.of("sourceCustomerId", c.id(), "targetCustomerId", b.id()),
                merchant.ownerToken()).status()).as("merchants cannot merge").isEqualTo(403);

        assertThat(merge(b.id(), c.id()).status()).as("a target may itself be merged on").isEqualTo(200);
        assertThat(api.get("/api/v1/me", a.token()).text("id")).as("one hop, never a chain").isEqualTo(c.id().toString());
    }
}
