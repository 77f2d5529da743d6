package o2o.malls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.identity.Role;
import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.loyalty.Loyalty;
import o2o.loyalty.PointsSpending;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Monthly mall statements: a constructed month comes to exact amounts per tenant (points at the redemption rate,
 * coupon and collection dues from the ledger), closing is idempotent and raced closes write one set, the ledger
 * records each statement and its payout once and reconciles, and nobody reads or pays another mall's or tenant's.
 */
class MallStatementIntegrationTests extends ApiTest {

    @Autowired
    Loyalty loyalty;

    @Autowired
    PointsSpending spending;

    @Autowired
    Ledger ledger;

    @Autowired
    MallStatements statements;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConstructedMonthComesToExactStatementsClosingTwiceChangesNothingAndPayoutsSettleTheLedger() {
        var mall = new MallFixtures(api, fixtures).mall("月结", 3);
        var a = mall.tenants().get(0).merchant();
        var b = mall.tenants().get(1).merchant();
        var c = mall.tenants().get(2).merchant();
        var member = member(mall);
        var month = StatementMonth.last(clock).toString();
        inLastMonth(() -> {
            earn(a, member, 20_000);           // A issues 200 points: owes ¥2.00
            earn(c, member, 100_000);          // C issues 1000 points: owes ¥10.00
            spend(mall, b, member, 150);       // B accepts 150 points: is owed ¥1.50
            due("MALL_COUPON_DUE", mall, b, 1234);
            due("MALL_COLLECTED_DUE", mall, a, 5000);
        });
        due("MALL_COLLECTED_DUE", mall, a, 999); // this month: not in last month's statement
        var operator = mall.operator().ownerToken();

        var closed = close(operator, month);
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        var byTenant = byTenant(closed.body());
        assertThat(byTenant).hasSize(3);
        expect(byTenant.get(a.id()), 200, 0, -200, 0, 5000, 4800, "MALL_TO_TENANT");
        expect(byTenant.get(b.id()), 0, 150, 150, 1234, 0, 1384, "MALL_TO_TENANT");
        expect(byTenant.get(c.id()), 1000, 0, -1000, 0, 0, -1000, "TENANT_TO_MALL");
        assertThat(byTenant.get(c.id()).path("payout").path("amount").path("minor").asLong()).isEqualTo(1000);
        assertThat(settlement(mall, a)).isEqualTo(4800);
        assertThat(settlement(mall, b)).isEqualTo(1384);
        assertThat(settlement(mall, c)).isEqualTo(-1000);
        assertThat(settlement(mall, mall.operator())).isEqualTo(-5184);

        var again = close(operator, month);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).as("closing again answers the same statements").isEqualTo(closed.body());
        assertThat(settlement(mall, a)).as("and records nothing twice").isEqualTo(4800);
        assertThat(api.get("/api/v1/merchant/mall/statements?month=" + month, operator).body())
                .isEqualTo(closed.body());

        var statementA = byTenant.get(a.id()).path("id").asString();
        var blank = pay(operator, statementA, "  ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(pay(operator, statementA, "x".repeat(101)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/merchant/mall/statements/" + statementA + "/payout", Map.of(), operator).status())
                .isEqualTo(400);
        assertThat(status(operator, statementA)).as("bad input changes nothing").isEqualTo("PENDING");
        var paid = pay(operator, statementA, "ICBC-20261201-0001");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        assertThat(paid.body().path("payout").path("status").asString()).isEqualTo("PAID");
        assertThat(paid.body().path("payout").path("reference").asString()).isEqualTo("ICBC-20261201-0001");
        var twice = pay(operator, statementA, "ICBC-20261201-0002");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("type")).endsWith("mall-payout-paid");
        assertThat(api.get("/api/v1/merchant/mall/statements/" + statementA, operator).body().path("payout")
                .path("reference").asString()).as("the first payment stands").isEqualTo("ICBC-20261201-0001");
        assertThat(pay(operator, byTenant.get(c.id()).path("id").asString(), "TENANT-PAID-1").status())
                .isEqualTo(200);
        assertThat(settlement(mall, a)).as("paid: settled").isZero();
        assertThat(settlement(mall, c)).isZero();
        assertThat(settlement(mall, b)).isEqualTo(1384);
        assertThat(settlement(mall, mall.operator())).isEqualTo(-1384);
        assertThat(ledger.reconcile().clean()).isTrue();

        var mine = api.get("/api/v1/merchant/mall-statements", a.ownerToken());
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        assertThat(mine.body().size()).isEqualTo(1);
        assertThat(mine.body().get(0).path("netMinor").asLong()).isEqualTo(4800);
        assertThat(mine.body().get(0).path("payout").path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void badMonthsAreRefusedAndChangeNothing() {
        var mall = new MallFixtures(api, fixtures).mall("坏月份", 1);
        var operator = mall.operator().ownerToken();
        var thisMonth = StatementMonth.last(clock).value().plusMonths(1).toString();
        for (var month : List.of(thisMonth, "2099-01")) {
            var refused = close(operator, month);
            assertThat(refused.status()).as(month).isEqualTo(422);
            assertThat(refused.text("type")).endsWith("mall-month-not-ended");
        }
        for (var month : List.of("2026-13", "abcdefg", "2026-1", "", "1999-12")) {
            assertThat(close(operator, month).status()).as(month).isEqualTo(400);
        }
        assertThat(api.post("/api/v1/merchant/mall/statements/close", null, operator).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/merchant/mall/statements/close", Map.of("month", 202611), operator).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/mall/statements?month=2026-13", operator).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/mall/statements/not-a-uuid", operator).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from mall_statement where mall_id = :m").param("m", mall.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void eightRacingClosesAndTheScheduledCloseOnTwoNodesWriteOneSetAndRecordItOnce() throws Exception {
        var mall = new MallFixtures(api, fixtures).mall("并发月结", 2);
        var a = mall.tenants().get(0).merchant();
        var b = mall.tenants().get(1).merchant();
        var month = StatementMonth.last(clock).toString();
        inLastMonth(() -> {
            due("MALL_COUPON_DUE", mall, a, 700);
            due("MALL_COLLECTED_DUE", mall, b, 300);
        });
        var operator = mall.operator().ownerToken();
        var results = Concurrently.atOnce(IntStream.range(0, 8)
                .<Callable<Api.Response>>mapToObj(i -> () -> close(operator, month)).toList());
        var ids = new HashSet<String>();
        for (var result : results) {
            assertThat(result.status()).as(result.raw()).isEqualTo(200);
            result.body().forEach(s -> ids.add(s.path("id").asString()));
        }
        assertThat(ids).as("every close answers the same two statements").hasSize(2);
        assertThat(statementsOf(mall)).isEqualTo(2);
        assertThat(settlement(mall, a)).as("recorded once, not eight times").isEqualTo(700);
        assertThat(settlement(mall, b)).isEqualTo(300);

        var scheduled = new MallFixtures(api, fixtures).mall("定时月结", 2);
        inLastMonth(() -> due("MALL_COUPON_DUE", scheduled, scheduled.tenants().getFirst().merchant(), 450));
        Concurrently.atOnce(List.<Callable<Integer>>of(statements::closeLastMonth, statements::closeLastMonth));
        assertThat(statementsOf(scheduled)).as("two nodes' jobs: one set").isEqualTo(2);
        assertThat(statementsOf(mall)).isEqualTo(2);
        assertThat(settlement(scheduled, scheduled.tenants().getFirst().merchant())).isEqualTo(450);
        assertThat(settlement(mall, a)).isEqualTo(700);
        assertThat(ledger.reconcile().clean()).isTrue();
    }

    @Test
    void eightRacingPayoutsPayOnce() throws Exception {
        var mall = new MallFixtures(api, fixtures).mall("并发付款", 1);
        var tenant = mall.tenants().getFirst().merchant();
        inLastMonth(() -> due("MALL_COLLECTED_DUE", mall, tenant, 8800));
        var operator = mall.operator().ownerToken();
        var id = close(operator, StatementMonth.last(clock).toString()).body().get(0).path("id").asString();
        var results = Concurrently.atOnce(IntStream.range(0, 8)
                .<Callable<Api.Response>>mapToObj(i -> () -> pay(operator, id, "BANK-" + i)).toList());
        assertThat(results.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
        assertThat(results.stream().filter(r -> r.status() == 409).count()).isEqualTo(7);
        var winner = results.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(api.get("/api/v1/merchant/mall/statements/" + id, operator).body().path("payout").path("reference")
                .asString()).isEqualTo(winner.body().path("payout").path("reference").asString());
        assertThat(settlement(mall, tenant)).as("the payable cleared once").isZero();
        assertThat(settlement(mall, mall.operator())).isZero();
        assertThat(ledger.entry("mall-payout:" + id)).isPresent();
    }

    @Test
    void noOperatorReadsClosesOrPaysAnotherMallsStatementsAndNoTenantReadsAnothersOrTheMalls() {
        var mall = new MallFixtures(api, fixtures).mall("甲商场", 2);
        var other = new MallFixtures(api, fixtures).mall("乙商场", 1);
        var a = mall.tenants().get(0).merchant();
        var b = mall.tenants().get(1).merchant();
        var month = StatementMonth.last(clock).toString();
        inLastMonth(() -> {
            due("MALL_COUPON_DUE", mall, a, 100);
            due("MALL_COUPON_DUE", mall, b, 200);
        });
        var byTenant = byTenant(close(mall.operator().ownerToken(), month).body());
        var ofA = byTenant.get(a.id()).path("id").asString();

        var stranger = other.operator().ownerToken();
        assertThat(api.get("/api/v1/merchant/mall/statements/" + ofA, stranger).status()).isEqualTo(404);
        assertThat(pay(stranger, ofA, "STOLEN").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/mall/statements?month=" + month, stranger).body().size())
                .as("another mall's month shows none of this mall's").isZero();
        var closedOther = close(stranger, month);
        assertThat(closedOther.status()).isEqualTo(200);
        assertThat(closedOther.body().size()).as("closing closes only the caller's own mall").isEqualTo(1);
        assertThat(status(mall.operator().ownerToken(), ofA)).isEqualTo("PENDING");

        var cashier = fixtures.staff(mall.operator(), Role.CASHIER, Set.of(mall.building()));
        assertThat(api.get("/api/v1/merchant/mall/statements?month=" + month, cashier).status()).isEqualTo(403);
        assertThat(pay(cashier, ofA, "CASHIER").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/mall-statements", cashier).status()).isEqualTo(403);
        for (var tenant : List.of(a, b)) {
            var token = tenant.ownerToken();
            assertThat(api.get("/api/v1/merchant/mall/statements?month=" + month, token).status())
                    .as("a tenant is not the mall's operator").isEqualTo(403);
            assertThat(api.get("/api/v1/merchant/mall/statements/" + ofA, token).status()).isEqualTo(403);
            assertThat(pay(token, ofA, "SELF-PAID").status()).isEqualTo(403);
            assertThat(close(token, month).status()).isEqualTo(403);
        }
        var ofB = api.get("/api/v1/merchant/mall-statements", b.ownerToken()).body();
        assertThat(ofB.size()).isEqualTo(1);
        assertThat(ofB.get(0).path("tenantMerchantId").asString()).isEqualTo(b.id().toString());
        assertThat(ofB.get(0).path("couponsDueMinor").asLong()).isEqualTo(200);
        var manager = fixtures.staff(a, Role.MANAGER, Set.of());
        assertThat(api.get("/api/v1/merchant/mall-statements", manager).body().get(0).path("id").asString())
                .isEqualTo(ofA);
        assertThat(status(mall.operator().ownerToken(), ofA)).isEqualTo("PENDING");
    }

    // --- helpers

    private void inLastMonth(Runnable work) {
        var target = StatementMonth.last(clock).value().atDay(15).atTime(12, 0).atZone(StatementMonth.ZONE)
                .toInstant();
        clock.advance(Duration.between(clock.instant(), target));
        try {
            work.run();
        } finally {
            clock.reset();
        }
    }

    private UUID member(MallFixtures.MallFixture mall) {
        var token = fixtures.customerToken(Fixtures.uniquePhone());
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", mall.operator().id()), token);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        return UUID.fromString(joined.text("customerId"));
    }

    private void earn(Fixtures.MerchantFixture at, UUID member, long minor) {
        loyalty.earnFor(new OrderPaid(new OrderId(Ids.next()), new MerchantId(at.id()), new CustomerId(member),
                Channel.DEAL, Money.cny(minor), clock.instant()));
    }

    private void spend(MallFixtures.MallFixture mall, Fixtures.MerchantFixture at, UUID member, long points) {
        spending.spend(new CustomerId(member), mall.programId(), new MerchantId(at.id()), points,
                "test:" + Ids.next() + ":spend", "测试消费");
    }

    /** A due posted as the other parts of the mall post theirs: the tenant's due against the mall's cost. */
    private void due(String kind, MallFixtures.MallFixture mall, Fixtures.MerchantFixture tenant, long minor) {
        var owner = mall.operator().id();
        var due = ledger.account(new AccountKey(kind, "merchant:" + tenant.id(), "mall:" + mall.id(), "CNY"),
                tenant.id(), true);
        var cost = ledger.account(new AccountKey(kind + "_COST", "merchant:" + owner, "mall:" + mall.id(), "CNY"),
                owner, true);
        ledger.post("test:" + Ids.next(), kind, owner, List.of(new Posting(due.id(), minor),
                new Posting(cost.id(), -minor)));
    }

    private long settlement(MallFixtures.MallFixture mall, Fixtures.MerchantFixture holder) {
        return ledger.find(MallStatements.settlementKey(new MallId(mall.id()), new MerchantId(holder.id())))
                .map(account -> account.balance()).orElse(0L);
    }

    private long statementsOf(MallFixtures.MallFixture mall) {
        return jdbc.sql("select count(*) from mall_statement where mall_id = :m").param("m", mall.id())
                .query(Long.class).single();
    }

    private Api.Response close(String token, String month) {
        return api.post("/api/v1/merchant/mall/statements/close", Map.of("month", month), token);
    }

    private Api.Response pay(String token, String statement, String reference) {
        return api.post("/api/v1/merchant/mall/statements/" + statement + "/payout", Map.of("reference", reference),
                token);
    }

    private String status(String token, String statement) {
        return api.get("/api/v1/merchant/mall/statements/" + statement, token).body().path("payout").path("status")
                .asString();
    }

    private static Map<UUID, JsonNode> byTenant(JsonNode list) {
        var found = new HashMap<UUID, JsonNode>();
        list.forEach(s -> found.put(UUID.fromString(s.path("tenantMerchantId").asString()), s));
        return found;
    }

    private static void expect(JsonNode statement, long issued, long redeemed, long points, long coupons,
            long collected, long net, String direction) {
        var got = new ArrayList<Object>(List.of(statement.path("pointsIssued").asLong(),
                statement.path("pointsRedeemed").asLong(), statement.path("pointsMinor").asLong(),
                statement.path("couponsDueMinor").asLong(), statement.path("collectedDueMinor").asLong(),
                statement.path("netMinor").asLong(), statement.path("payout").path("direction").asString(),
                statement.path("payout").path("amount").path("minor").asLong()));
        assertThat(got).as(statement.toString()).containsExactly(issued, redeemed, points, coupons, collected, net,
                direction, Math.abs(net));
    }
}
