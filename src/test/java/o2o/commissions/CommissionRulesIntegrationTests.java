package o2o.commissions;

import static o2o.commissions.CommissionWorld.minor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.commissions.persistence.PendingCommissions;
import o2o.identity.Role;
import o2o.ledger.Ledger;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many orders paid at once are charged exactly; a statement is always the caller's own; bad rates and periods are
 * refused and change nothing; top-ups and POS sales, and merchants no rate applies to, are not written down.
 */
class CommissionRulesIntegrationTests extends ApiTest {

    @Autowired
    PendingCommissions pending;
    @Autowired
    Ledger ledger;
    @Autowired
    CommissionReactions reactions;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    CommissionWorld world;

    @BeforeEach
    void world() {
        world = new CommissionWorld(api, fixtures, pending, ledger);
    }

    @Test
    void manyOrdersPaidAtOnceAreChargedExactlyOnTheLedgerAndInTheStatement() throws Exception {
        var shop = world.shop("并发小馆");
        world.rate(null, shop.id(), null, 333);
        var deal = world.deal(shop, 1999);
        int n = 16;
        var tasks = new ArrayList<Callable<CommissionWorld.Bought>>();
        for (int i = 0; i < n; i++) tasks.add(() -> world.buy(deal, 1));
        var bought = Concurrently.atOnce(tasks);
        assertThat(bought).hasSize(n);
        world.counted();

        long each = Charge.commission(1999, 333);
        assertThat(each).as("19.99 × 3.33% = 0.665667").isEqualTo(67);
        assertThat(world.due(shop.id(), "platform")).isEqualTo(n * each);
        var total = world.statement(shop.merchant().ownerToken()).path("total");
        assertThat(total.path("orders").asLong()).isEqualTo(n);
        assertThat(minor(total, "gross")).isEqualTo(n * 1999L);
        assertThat(minor(total, "charged")).isEqualTo(n * each);
        assertThat(ledger.reconcile().clean()).isTrue();
    }

    @Test
    void aStatementIsAlwaysTheCallersOwnAndOnlyForOwnersAndManagers() {
        var a = world.shop("甲店");
        var b = world.shop("乙店");
        world.rate(null, a.id(), null, 500);
        world.buy(world.deal(a, 2000), 1);
        world.counted();

        assertThat(minor(world.statement(a.merchant().ownerToken()).path("total"), "charged")).isEqualTo(100);
        var ofB = world.statement(b.merchant().ownerToken());
        assertThat(minor(ofB.path("total"), "charged")).as("B sees none of A's").isZero();
        assertThat(ofB.path("takers").size()).isZero();
        assertThat(minor(api.get("/api/v1/merchant/commission/earnings", b.merchant().ownerToken()).body()
                .path("total"), "charged")).isZero();
        var manager = fixtures.staff(a.merchant(), Role.MANAGER, Set.of());
        assertThat(minor(world.statement(manager).path("total"), "charged")).isEqualTo(100);
        var cashier = fixtures.staff(a.merchant(), Role.CASHIER, Set.of());
        assertThat(api.get("/api/v1/merchant/commission/statement", cashier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/commission/statements", a.merchant().ownerToken()).status()).isEqualTo(403);
        assertThat(api.put(CommissionWorld.RATES, Map.of("merchantId", a.id(), "rateBps", 1),
                a.merchant().ownerToken()).status()).isEqualTo(403);
    }

    @Test
    void badRatesAndPeriodsAreRefusedAndChangeNothing() {
        var shop = world.shop("规则小馆");
        var id = world.rate(null, shop.id(), null, 100);
        var before = api.get(CommissionWorld.RATES, world.operator).raw();
        var refused = new ArrayList<Map<String, Object>>();
        refused.add(Map.of("merchantId", shop.id(), "rateBps", 5001));
        refused.add(Map.of("merchantId", shop.id(), "rateBps", -1));
        refused.add(Map.of("merchantId", UUID.randomUUID(), "rateBps", 100));
        refused.add(Map.of("takerMerchantId", UUID.randomUUID(), "merchantId", shop.id(), "rateBps", 100));
        refused.add(Map.of("takerMerchantId", shop.id(), "merchantId", shop.id(), "rateBps", 100));
        refused.add(Map.of("takerMerchantId", shop.id(), "category", "火锅", "rateBps", 100));
        refused.add(Map.of("merchantId", shop.id(), "category", "火锅", "rateBps", 100));
        refused.add(Map.of("rateBps", 100));
        var noRate = new HashMap<String, Object>(Map.of("merchantId", shop.id()));
        refused.add(noRate);
        for (var body : refused) {
            var answer = api.put(CommissionWorld.RATES, body, world.operator);
            assertThat(answer.status()).as(body + " → " + answer.raw()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.delete(CommissionWorld.RATES + "/" + UUID.randomUUID(), world.operator).status())
                .isEqualTo(404);
        assertThat(api.get(CommissionWorld.RATES, world.operator).raw()).isEqualTo(before);

        var today = LocalDate.now();
        for (var query : List.of("?from=" + today + "&to=" + today, "?from=" + today + "&to=" + today.minusDays(1),
                "?from=" + today.minusDays(400) + "&to=" + today, "?from=nonsense")) {
            for (var path : List.of("/api/v1/merchant/commission/statement", "/api/v1/merchant/commission/earnings")) {
                var answer = api.get(path + query, shop.merchant().ownerToken());
                assertThat(answer.status()).as(path + query).isEqualTo(400);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
            assertThat(api.get("/api/v1/admin/commission/statements" + query, world.operator).status())
                    .isEqualTo(400);
        }

        var changed = world.rate(null, shop.id(), null, 250);
        assertThat(changed).as("the same taker, subject and day: the rate changes").isEqualTo(id);
        world.removeRate(id);
        assertThat(api.get(CommissionWorld.RATES, world.operator).body().valueStream()
                .noneMatch(r -> r.path("id").asString().equals(id.toString()))).isTrue();
    }

    @Test
    void onlyOrdersBoughtThroughThePlatformOfMerchantsARateAppliesToAreWrittenDown() {
        var shop = world.shop("不收小馆");
        world.rate(null, shop.id(), null, 1000);
        var other = world.shop("无费率小馆");
        for (var channel : Channel.values()) {
            boolean charged = channel != Channel.TOP_UP && channel != Channel.POS;
            assertThat(writtenDown(shop.id(), channel)).as(channel.name()).isEqualTo(charged);
            assertThat(writtenDown(other.id(), channel)).as("no rate: " + channel).isFalse();
        }
    }

    /**
     * Whether the order paid is written down for the drain: heard in a transaction of its own, whose pending fact is
     * written with its commit, and found pending or, once the drain took it, charged (one commit turns the one into
     * the other, so a read sees either).
     */
    private boolean writtenDown(UUID merchant, Channel channel) {
        var order = UUID.randomUUID();
        tx.executeWithoutResult(status -> reactions.on(new OrderPaid(new OrderId(order), new MerchantId(merchant),
                new CustomerId(UUID.randomUUID()), channel, Money.cny(10_000), java.time.Instant.now())));
        return jdbc.sql("""
                        select (select count(*) from commission_pending_fact where order_id = :o)
                             + (select count(*) from commission_charge where order_id = :o)
                        """).param("o", order).query(Long.class).single() > 0;
    }
}
