package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

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
import tools.jackson.databind.JsonNode;

/** Points as money at checkout: rate, cap and minimum, the balance as the limit, and points back with the order. */
class PointsAtCheckoutIntegrationTests extends ApiTest {

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
        merchant = fixtures.approvedMerchant("积分抵现");
        store = fixtures.store(merchant, Fixtures.unique("积分店"), 31.2, 121.4, "火锅");
    }

    @Test
    void pointsPayPartOfAnOrderAtTheProgramsRateWithinItsCapAndAboveItsMinimum() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, null, false, "ANYTIME");
        seed.rules(merchant, 100, 50, 100);
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1000, NEXT_YEAR);

        var order = order(member, deal, 1, 300);
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        assertThat(order.body().path("subtotalAmount").path("minor").asLong()).isEqualTo(1000);
        assertThat(order.body().path("pointsUsed").asLong()).isEqualTo(300);
        assertThat(order.body().path("pointsAmount").path("minor").asLong()).isEqualTo(300);
        assertThat(order.body().path("totalAmount").path("minor").asLong()).isEqualTo(700);
        assertThat(order.text("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(seed.balance(member, merchant.id())).isEqualTo(700);
        assertThat(seed.lotsRemaining(member.customerId(), merchant.id())).isEqualTo(700);
        assertThat(seed.memberPostingOf("order:" + order.text("id") + ":points", member.customerId(), merchant.id()))
                .isEqualTo(-300);

        var overCap = order(member, deal, 1, 600);
        assertThat(overCap.status()).as(overCap.raw()).isEqualTo(400);
        assertThat(overCap.contentType()).startsWith("application/problem+json");
        assertThat(overCap.text("detail")).contains("500");
        var belowMinimum = order(member, deal, 1, 50);
        assertThat(belowMinimum.status()).as(belowMinimum.raw()).isEqualTo(400);
        assertThat(order(member, deal, 1, -5).status()).isEqualTo(400);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(700);
        assertThat(api.get("/api/v1/me/orders", member.token()).body().size()).isEqualTo(1);

        seed.rules(merchant, 150, 50, 0);
        assertThat(order(member, deal, 1, 100).status()).as("100 points are not a whole number of fen at 150 a yuan")
                .isEqualTo(400);
        var atOneFifty = order(member, deal, 2, 150);
        assertThat(atOneFifty.status()).as(atOneFifty.raw()).isEqualTo(201);
        assertThat(atOneFifty.body().path("pointsAmount").path("minor").asLong()).isEqualTo(100);
        assertThat(atOneFifty.body().path("totalAmount").path("minor").asLong()).isEqualTo(1900);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(550);
        assertThat(seed.lotsRemaining(member.customerId(), merchant.id())).isEqualTo(550);
    }

    @Test
    void redemptionRulesAreValidatedAndChangedOnlyByTheOwnersOwnerOrManager() {
        var rules = "/api/v1/merchant/points-program/redemption";
        assertThat(api.get(rules, merchant.ownerToken()).body().path("pointsPerYuanOff").asInt()).isEqualTo(100);
        assertThat(api.get(rules, merchant.ownerToken()).body().path("capPercent").asInt()).isEqualTo(50);
        for (var bad : List.of(Map.of("pointsPerYuanOff", 0, "capPercent", 50, "minPointsPerUse", 0),
                Map.of("pointsPerYuanOff", 100, "capPercent", 101, "minPointsPerUse", 0),
                Map.of("pointsPerYuanOff", 100, "capPercent", 50, "minPointsPerUse", -1),
                Map.of("pointsPerYuanOff", 100, "capPercent", 50))) {
            var rejected = api.put(rules, bad, merchant.ownerToken());
            assertThat(rejected.status()).as(rejected.raw()).isEqualTo(400);
            assertThat(rejected.contentType()).startsWith("application/problem+json");
        }
        var cashier = fixtures.staff(merchant, o2o.identity.Role.CASHIER, Set.of());
        var good = Map.of("pointsPerYuanOff", 200, "capPercent", 30, "minPointsPerUse", 20);
        assertThat(api.put(rules, good, cashier).status()).isEqualTo(403);
        assertThat(api.get(rules, cashier).status()).isEqualTo(403);
        var manager = fixtures.staff(merchant, o2o.identity.Role.MANAGER, Set.of());
        var changed = api.put(rules, good, manager);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().path("pointsStep").asLong()).isEqualTo(2);
        var now = api.get(rules, merchant.ownerToken()).body();
        assertThat(now.path("pointsPerYuanOff").asInt()).isEqualTo(200);
        assertThat(now.path("capPercent").asInt()).isEqualTo(30);
        assertThat(now.path("minPointsPerUse").asLong()).isEqualTo(20);
    }

    @Test
    void aCustomerWhoIsNotAMemberCannotPayWithPointsAndNobodySpendsMoreThanTheyHave() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, 10, false, "ANYTIME");
        seed.rules(merchant, 100, 100, 0);
        var stranger = fixtures.customerToken(Fixtures.uniquePhone());
        var refused = api.send("POST", "/api/v1/orders", Map.of("dealId", deal, "quantity", 1, "pointsToUse", 100),
                stranger, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:o2o:problem:not-a-member");
        assertThat(api.get("/api/v1/me/orders", stranger).body().size()).isZero();

        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 200, NEXT_YEAR);
        var tooMany = order(member, deal, 1, 500);
        assertThat(tooMany.status()).as(tooMany.raw()).isEqualTo(409);
        assertThat(tooMany.text("type")).isEqualTo("urn:o2o:problem:insufficient-balance");
        assertThat(seed.balance(member, merchant.id())).isEqualTo(200);
        assertThat(seed.lotsRemaining(member.customerId(), merchant.id())).isEqualTo(200);
        assertThat(api.get("/api/v1/me/orders", member.token()).body().size()).isZero();
        assertThat(api.get("/api/v1/deals/" + deal).body().path("stockLeft").asInt()).isEqualTo(10);
    }

    @Test
    void anOrderPaidInFullWithPointsIsPaidAtOnceAndGetsItsVoucher() {
        var deal = fixtures.deal(merchant, Set.of(store), 500, null, false, "ANYTIME");
        seed.rules(merchant, 100, 100, 0);
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1000, NEXT_YEAR);

        var order = order(member, deal, 1, 500);
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        assertThat(order.text("status")).isEqualTo("PAID");
        assertThat(order.body().path("totalAmount").path("minor").asLong()).isZero();
        assertThat(order.body().path("paidAt").isNull()).isFalse();
        var vouchers = fixtures.vouchersOf(member.token(), 1);
        assertThat(vouchers.get(0).path("orderId").asString()).isEqualTo(order.text("id"));
        assertThat(seed.balance(member, merchant.id())).isEqualTo(500);
        var pay = api.post("/api/v1/orders/" + order.text("id") + "/payments", Map.of("provider", "sandbox"),
                member.token());
        assertThat(pay.status()).as("nothing is left to pay").isEqualTo(409);
    }

    @Test
    void cancellingAnOrderGivesItsPointsBackOnceToTheLotsTheyCameFrom() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, null, false, "ANYTIME");
        var member = seed.member(fixtures, merchant.id());
        var older = seed.credit(member.customerId(), merchant.id(), 200, NEXT_YEAR);
        var newer = seed.credit(member.customerId(), merchant.id(), 800, NEXT_YEAR.plus(300, ChronoUnit.DAYS));

        var order = order(member, deal, 1, 300).text("id");
        assertThat(seed.remainingOf(older)).isZero();
        assertThat(seed.remainingOf(newer)).isEqualTo(700);
        var cancelled = api.post("/api/v1/orders/" + order + "/cancel", null, member.token());
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/orders/" + order + "/cancel", null, member.token()).status()).isEqualTo(409);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(1000);
        assertThat(seed.entries("order:" + order + ":points:back")).isEqualTo(1);
        assertThat(seed.remainingOf(older)).isEqualTo(200);
        assertThat(seed.remainingOf(newer)).isEqualTo(800);

        var unpaid = order(member, deal, 1, 400).text("id");
        assertThat(seed.balance(member, merchant.id())).isEqualTo(600);
        clock.advance(Duration.ofMinutes(16));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seed.balance(member, merchant.id()) == 1000);
        assertThat(api.get("/api/v1/me/orders/" + unpaid, member.token()).text("status")).isEqualTo("CANCELLED");
        assertThat(seed.entries("order:" + unpaid + ":points:back")).isEqualTo(1);
        assertThat(seed.lotsRemaining(member.customerId(), merchant.id())).isEqualTo(1000);
    }

    @Test
    void refundsGiveBackTheirShareOfThePointsAndAllOfThemWhenAllIsRefunded() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, null, false, "ANYTIME");
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1001, NEXT_YEAR);
        var order = order(member, deal, 3, 1001);
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        var orderId = order.text("id");
        assertThat(order.body().path("totalAmount").path("minor").asLong()).isEqualTo(1999);
        fixtures.pay(member.token(), orderId, true);
        var vouchers = new ArrayList<JsonNode>();
        fixtures.vouchersOf(member.token(), 3).forEach(vouchers::add);
        vouchers.sort(Comparator.comparing((JsonNode v) -> v.path("price").path("minor").asLong()).reversed());
        var prices = new ArrayList<Long>();
        vouchers.forEach(v -> prices.add(v.path("price").path("minor").asLong()));
        assertThat(prices).containsExactly(667L, 666L, 666L);

        var back = new ArrayList<Long>();
        for (var voucher : vouchers) {
            var id = voucher.path("id").asString();
            assertThat(api.post("/api/v1/me/vouchers/" + id + "/refund", null, member.token()).status()).isEqualTo(200);
            back.add(seed.memberPostingOf("order:" + orderId + ":points:refund:voucher:" + id, member.customerId(),
                    merchant.id()));
        }
        assertThat(back).as("1001 points times 667/1999, then the shares of 1333/1999 and 1999/1999")
                .containsExactly(334L, 333L, 334L);
        assertThat(api.post("/api/v1/me/vouchers/" + vouchers.get(0).path("id").asString() + "/refund", null,
                member.token()).status()).isEqualTo(409);
        assertThat(back.stream().mapToLong(Long::longValue).sum()).isEqualTo(1001);
        assertThat(api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body().path("differences").size())
                .isZero();
    }

    @Test
    void tenOrdersAtOnceEachUsing300PointsOfAThousandSpendExactlyNineHundred() throws Exception {
        var deal = fixtures.deal(merchant, Set.of(store), 10000, null, false, "ANYTIME");
        var member = seed.member(fixtures, merchant.id());
        var first = seed.credit(member.customerId(), merchant.id(), 400, NEXT_YEAR);
        var second = seed.credit(member.customerId(), merchant.id(), 300, NEXT_YEAR.plus(100, ChronoUnit.DAYS));
        var third = seed.credit(member.customerId(), merchant.id(), 300, NEXT_YEAR.plus(200, ChronoUnit.DAYS));

        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 10; i++) tasks.add(() -> order(member, deal, 1, 300));
        var results = Concurrently.atOnce(tasks);

        var statuses = results.stream().map(Api.Response::status).toList();
        assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(3);
        assertThat(statuses.stream().filter(s -> s == 409).count()).as(statuses.toString()).isEqualTo(7);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(100);
        assertThat(seed.lotsRemaining(member.customerId(), merchant.id())).isEqualTo(100);
        assertThat(List.of(seed.remainingOf(first), seed.remainingOf(second), seed.remainingOf(third)))
                .as("the oldest lots go first").containsExactly(0L, 0L, 100L);

        for (var placed : results.stream().filter(r -> r.status() == 201).toList()) {
            api.post("/api/v1/orders/" + placed.text("id") + "/cancel", null, member.token());
        }
        assertThat(seed.balance(member, merchant.id())).isEqualTo(1000);
        assertThat(List.of(seed.remainingOf(first), seed.remainingOf(second), seed.remainingOf(third)))
                .containsExactly(400L, 300L, 300L);
        assertThat(api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body().path("differences").size())
                .isZero();
    }

    @Test
    void placingTheSameOrderTwiceWithOneKeySpendsThePointsOnce() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, null, false, "ANYTIME");
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1000, NEXT_YEAR);
        var key = UUID.randomUUID().toString();
        var body = new HashMap<String, Object>(Map.of("dealId", deal, "quantity", 1, "pointsToUse", 200));
        var first = api.send("POST", "/api/v1/orders", body, member.token(), Map.of("Idempotency-Key", key));
        var again = api.send("POST", "/api/v1/orders", body, member.token(), Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(seed.balance(member, merchant.id())).isEqualTo(800);
    }

    private Api.Response order(PointsSeed.Member member, UUID deal, int quantity, long points) {
        return api.send("POST", "/api/v1/orders", Map.of("dealId", deal, "quantity", quantity, "pointsToUse", points),
                member.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }
}
