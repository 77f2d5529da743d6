package o2o.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import o2o.identity.Role;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class WalletIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoredValue storedValue;

    record Shop(Fixtures.MerchantFixture merchant, UUID store, String cashier, String manager) {}

    record Member(String phone, String token) {}

    Shop shop() {
        var merchant = fixtures.approvedMerchant("储值店");
        var store = fixtures.store(merchant, "储值一店", 31.2, 121.4, "火锅");
        var rules = api.put("/api/v1/merchant/wallet/rules",
                Map.of("bonusByThreshold", Map.of("50000", 5000, "100000", 12000)), merchant.ownerToken());
        assertThat(rules.status()).as(rules.raw()).isEqualTo(200);
        return new Shop(merchant, store, fixtures.staff(merchant, Role.CASHIER, Set.of(store)),
                fixtures.staff(merchant, Role.MANAGER, Set.of()));
    }

    Member member() {
        var phone = Fixtures.uniquePhone();
        return new Member(phone, fixtures.customerToken(phone));
    }

    Api.Response counterTopUp(Shop shop, Member member, long minor) {
        return api.send("POST", "/api/v1/merchant/wallet/top-ups", Map.of("phone", member.phone(), "amount", cny(minor)),
                shop.cashier(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    Api.Response charge(Shop shop, String cashier, Member member, long minor, String key) {
        return api.send("POST", "/api/v1/merchant/wallet/charges",
                Map.of("phone", member.phone(), "amount", cny(minor), "note", "桌号 8"), cashier,
                Map.of("Idempotency-Key", key));
    }

    Api.Response refund(String token, Member member, String key) {
        return api.send("POST", "/api/v1/merchant/wallet/refunds", Map.of("phone", member.phone()), token,
                Map.of("Idempotency-Key", key));
    }

    long[] balance(Shop shop, Member member) {
        var body = api.get("/api/v1/me/wallet?merchantId=" + shop.merchant().id(), member.token()).body();
        return new long[] {body.path("principal").path("minor").asLong(), body.path("bonus").path("minor").asLong()};
    }

    static Map<String, Object> cny(long minor) {
        return Map.of("minor", minor, "currency", "CNY");
    }

    void assertLedgerClean() {
        var reconciled = api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body();
        assertThat(reconciled.path("differences").size()).isZero();
        assertThat(reconciled.path("unbalancedEntries").size()).isZero();
    }

    @Test
    void anOnlineTopUpIsCreditedWithItsBonusOnceEvenWhenTheWebhookAndTheEventArriveTwice() throws Exception {
        var shop = shop();
        var member = member();
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", shop.merchant().id()),
                member.token()).status()).isIn(200, 201);
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var body = Map.of("merchantId", shop.merchant().id(), "amount", cny(50000));
        var started = api.send("POST", "/api/v1/me/wallet/top-ups", body, member.token(), key);
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        assertThat(started.body().path("bonus").path("minor").asLong()).isEqualTo(5000);
        var again = api.send("POST", "/api/v1/me/wallet/top-ups", body, member.token(), key);
        assertThat(again.text("orderId")).as("the same key is the same top-up").isEqualTo(started.text("orderId"));

        var session = new WebSession(port);
        assertThat(session.get(started.text("redirectUrl")).status()).isEqualTo(200);
        assertThat(session.post(started.text("redirectUrl") + "/confirm", Map.of()).status()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> balance(shop, member)[0] == 50000);
        assertThat(balance(shop, member)).containsExactly(50000, 5000);

        var orderId = UUID.fromString(started.text("orderId"));
        var payload = jdbc.sql("select payload from sandbox_webhook where payload like :p and delivered_at is not null")
                .param("p", "%" + started.text("paymentId") + "%").query(String.class).single();
        var redelivered = Concurrently.atOnce(List.<Callable<Integer>>of(() -> deliver(payload), () -> deliver(payload)));
        assertThat(redelivered).containsOnly(200);
        storedValue.creditTopUp(new OrderPaid(new OrderId(orderId), new MerchantId(shop.merchant().id()),
                new CustomerId(UUID.fromString(jdbc.sql("select customer_id from customer_order where id = :id")
                        .param("id", orderId).query(String.class).single())), Channel.TOP_UP, Money.cny(50000), Instant.now()));
        Thread.sleep(500);
        assertThat(balance(shop, member)).as("credited once").containsExactly(50000, 5000);
        assertThat(api.get("/api/v1/me/orders/" + orderId, member.token()).text("channel")).isEqualTo("TOP_UP");
        assertThat(api.get("/api/v1/me/vouchers", member.token()).body().size()).as("no voucher for stored value").isZero();
        assertThat(api.get("/api/v1/me/points?merchantId=" + shop.merchant().id(), member.token()).body()
                .path("balance").asLong()).as("no points for buying stored value").isZero();
        assertLedgerClean();
    }

    @Test
    void anOnlineTopUpOfNothingTooMuchOrAtAnUnknownMerchantIsRefusedAndPlacesNoOrder() {
        var shop = shop();
        var member = member();
        for (var body : List.<Map<String, Object>>of(
                Map.of("merchantId", shop.merchant().id(), "amount", cny(0)),
                Map.of("merchantId", shop.merchant().id(), "amount", cny(StoredValue.MAX_TOP_UP_MINOR + 1)),
                Map.of("merchantId", shop.merchant().id(), "amount", Map.of("minor", -100, "currency", "CNY")),
                Map.of("merchantId", shop.merchant().id()))) {
            var refused = api.send("POST", "/api/v1/me/wallet/top-ups", body, member.token(),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        var unknown = api.send("POST", "/api/v1/me/wallet/top-ups", Map.of("merchantId", UUID.randomUUID(),
                "amount", cny(1000)), member.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/wallet/top-ups", Map.of("merchantId", shop.merchant().id(), "amount", cny(1000)),
                member.token()).status()).as("without an Idempotency-Key").isEqualTo(400);
        assertThat(api.get("/api/v1/me/orders", member.token()).body().size()).isZero();
    }

    @Test
    void aCounterChargeSpendsPrincipalFirstThenBonusAndTheSameKeyChargesOnce() {
        var shop = shop();
        var member = member();
        assertThat(counterTopUp(shop, member, 50000).status()).isEqualTo(200);
        var key = UUID.randomUUID().toString();
        var first = charge(shop, shop.cashier(), member, 52000, key);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().path("fromPrincipal").path("minor").asLong()).isEqualTo(50000);
        assertThat(first.body().path("fromBonus").path("minor").asLong()).isEqualTo(2000);
        var other = fixtures.staff(shop.merchant(), Role.CASHIER, Set.of(shop.store()));
        var repeat = charge(shop, other, member, 52000, key);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().path("replayed").asBoolean()).isTrue();
        assertThat(balance(shop, member)).containsExactly(0, 3000);

        var short_ = charge(shop, shop.cashier(), member, 3001, UUID.randomUUID().toString());
        assertThat(short_.status()).isEqualTo(409);
        assertThat(short_.text("type")).isEqualTo("urn:o2o:problem:insufficient-balance");
        assertThat(balance(shop, member)).containsExactly(0, 3000);
        var history = api.get("/api/v1/merchant/wallet/balances?phone=" + member.phone(), shop.cashier()).body();
        assertThat(history.path("history").size()).isEqualTo(2);
        assertThat(history.path("history").get(0).path("description").asString()).contains("桌号 8");
        assertLedgerClean();
    }

    @Test
    void counterChargesWithBadInputAreRefusedAndChargeNothing() {
        var shop = shop();
        var member = member();
        counterTopUp(shop, member, 10000);
        assertThat(charge(shop, shop.cashier(), member, 0, UUID.randomUUID().toString()).status()).isEqualTo(400);
        var negative = api.send("POST", "/api/v1/merchant/wallet/charges", Map.of("phone", member.phone(),
                "amount", Map.of("minor", -5, "currency", "CNY")), shop.cashier(), Map.of("Idempotency-Key", "k-" + UUID.randomUUID()));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/merchant/wallet/charges", Map.of("phone", member.phone(), "amount", cny(100)),
                shop.cashier()).status()).as("without an Idempotency-Key").isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/merchant/wallet/charges", Map.of("phone", "12345", "amount", cny(100)),
                shop.cashier(), Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(400);
        var kitchen = fixtures.staff(shop.merchant(), Role.KITCHEN, Set.of());
        assertThat(charge(shop, kitchen, member, 100, UUID.randomUUID().toString()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/wallet/balances?phone=" + member.phone(), kitchen).status())
                .as("the kitchen does not look into members' wallets").isEqualTo(403);
        assertThat(balance(shop, member)).containsExactly(10000, 0);
    }

    @Test
    void simultaneousCounterChargesFromSeveralTillsTakeExactlyWhatTheBalanceCovers() throws Exception {
        var shop = shop();
        var member = member();
        counterTopUp(shop, member, 50000); // 500 + 50 bonus
        var second = fixtures.staff(shop.merchant(), Role.CASHIER, Set.of(shop.store()));
        var tasks = IntStream.range(0, 20).<Callable<Integer>>mapToObj(i -> () ->
                charge(shop, i % 2 == 0 ? shop.cashier() : second, member, 5000, "till-" + UUID.randomUUID()).status())
                .toList();
        var statuses = Concurrently.atOnce(tasks);
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(11);
        assertThat(balance(shop, member)).containsExactly(0, 0);

        counterTopUp(shop, member, 10000);
        var key = "same-" + UUID.randomUUID();
        var same = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Integer>>mapToObj(i -> () ->
                charge(shop, i % 2 == 0 ? shop.cashier() : second, member, 3000, key).status()).toList());
        assertThat(same).containsOnly(200);
        assertThat(balance(shop, member)).as("one key, one charge").containsExactly(7000, 0);
        assertLedgerClean();
    }

    @Test
    void unusedPrincipalIsPaidBackWithItsBonusForfeitedInProportionAndBonusAloneNever() {
        var shop = shop();
        var member = member();
        assertThat(refund(shop.merchant().ownerToken(), member, "r-" + UUID.randomUUID()).status())
                .as("no wallet yet").isEqualTo(404);
        counterTopUp(shop, member, 50000);
        var notAllowed = refund(shop.merchant().ownerToken(), member, "r-" + UUID.randomUUID());
        assertThat(notAllowed.status()).isEqualTo(409);
        assertThat(notAllowed.text("type")).isEqualTo("urn:o2o:problem:principal-not-refundable");
        assertThat(api.put("/api/v1/merchant/wallet/refund-rules", Map.of("principalRefundable", true, "withinDays", 30),
                shop.merchant().ownerToken()).status()).isEqualTo(200);
        assertThat(refund(shop.cashier(), member, "r-" + UUID.randomUUID()).status()).as("cashiers do not refund")
                .isEqualTo(403);

        charge(shop, shop.cashier(), member, 10000, UUID.randomUUID().toString());
        assertThat(balance(shop, member)).containsExactly(40000, 5000);
        var key = "r-" + UUID.randomUUID();
        var refunded = refund(shop.manager(), member, key);
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
        assertThat(refunded.body().path("principal").path("minor").asLong()).isEqualTo(40000);
        assertThat(refunded.body().path("bonusForfeited").path("minor").asLong()).isEqualTo(4000);
        assertThat(balance(shop, member)).containsExactly(0, 1000);
        var repeated = refund(shop.manager(), member, key);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().path("principal").path("minor").asLong()).isEqualTo(40000);
        assertThat(refund(shop.merchant().ownerToken(), member, key).body().path("replayed").asBoolean())
                .as("the same key from another till is the same refund").isTrue();
        var bonusOnly = refund(shop.manager(), member, "r-" + UUID.randomUUID());
        assertThat(bonusOnly.status()).isEqualTo(409);
        assertThat(bonusOnly.text("type")).isEqualTo("urn:o2o:problem:nothing-to-refund");
        assertThat(balance(shop, member)).containsExactly(0, 1000);
        var cash = jdbc.sql("""
                        select balance from ledger_account where kind = 'TOP_UP_CASH' and holder = :h
                        """).param("h", "merchant:" + shop.merchant().id()).query(Long.class).single();
        assertThat(cash).as("50,000 came in, 40,000 went back out").isEqualTo(-10000);
        assertLedgerClean();
    }

    @Test
    void principalToppedUpBeforeTheRefundWindowStaysAndSimultaneousRefundsPayOutOnce() throws Exception {
        var shop = shop();
        var member = member();
        api.put("/api/v1/merchant/wallet/refund-rules", Map.of("principalRefundable", true, "withinDays", 30),
                shop.merchant().ownerToken());
        counterTopUp(shop, member, 50000);
        jdbc.sql("update stored_value_top_up set created_at = created_at - interval '40 days' where merchant_id = :m")
                .param("m", shop.merchant().id()).update();
        counterTopUp(shop, member, 20000);
        var statuses = Concurrently.atOnce(IntStream.range(0, 6).<Callable<Integer>>mapToObj(i -> () ->
                refund(shop.merchant().ownerToken(), member, "r-" + UUID.randomUUID()).status()).toList());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses).containsOnly(200, 409);
        assertThat(balance(shop, member)).as("only the principal of the last 30 days went back")
                .containsExactly(50000, 5000);
        var badRule = api.put("/api/v1/merchant/wallet/refund-rules", Map.of("principalRefundable", true,
                "withinDays", 0), shop.merchant().ownerToken());
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(api.put("/api/v1/merchant/wallet/refund-rules", Map.of("principalRefundable", true, "withinDays", 9),
                shop.cashier()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/wallet/rules", shop.cashier()).body().path("refund").path("withinDays")
                .asInt()).isEqualTo(30);
        assertLedgerClean();
    }

    @Test
    void anotherMerchantsStaffCanNeitherSeeNorChargeNorRefundAMembersStoredValue() {
        var victimShop = shop();
        var member = member();
        counterTopUp(victimShop, member, 50000);
        api.put("/api/v1/merchant/wallet/refund-rules", Map.of("principalRefundable", true, "withinDays", 30),
                victimShop.merchant().ownerToken());
        var attacker = shop();
        var harness = new CrossMerchantAccess(api);
        var victim = new Victim(victimShop.merchant().ownerToken(), Map.of("phone", member.phone()));
        var readBack = "/api/v1/merchant/wallet/balances?phone={phone}";
        for (var token : List.of(attacker.merchant().ownerToken(), attacker.cashier())) {
            harness.assertDenied(token, victim, v -> Endpoint.of("GET", v.fill(readBack), null, v.fill(readBack)));
            harness.assertDenied(token, victim, v -> Endpoint.of("POST", "/api/v1/merchant/wallet/charges",
                    Map.of("phone", member.phone(), "amount", cny(100)), v.fill(readBack)));
            harness.assertDenied(token, victim, v -> Endpoint.of("POST", "/api/v1/merchant/wallet/refunds",
                    Map.of("phone", member.phone()), v.fill(readBack)));
        }
        var before = api.get("/api/v1/merchant/wallet/rules", victimShop.merchant().ownerToken()).body();
        api.put("/api/v1/merchant/wallet/rules", Map.of("bonusByThreshold", Map.of("100", 99999)),
                attacker.merchant().ownerToken());
        api.put("/api/v1/merchant/wallet/refund-rules", Map.of("principalRefundable", false, "withinDays", 1),
                attacker.merchant().ownerToken());
        assertThat(api.get("/api/v1/merchant/wallet/rules", victimShop.merchant().ownerToken()).body())
                .as("another merchant's rules are its own").isEqualTo(before);
        assertThat(balance(victimShop, member)).containsExactly(50000, 5000);
    }

    private int deliver(String payload) throws Exception {
        long now = Instant.now().getEpochSecond();
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var signature = "t=" + now + ",v1="
                + HexFormat.of().formatHex(mac.doFinal((now + "." + payload).getBytes(StandardCharsets.UTF_8)));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payments/webhooks/sandbox"))
                .header("Content-Type", "application/json")
                .header("Sandbox-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }
}
