package o2o.commissions;

import static o2o.commissions.CommissionWorld.minor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import o2o.commissions.persistence.PendingCommissions;
import o2o.commissions.persistence.PendingCommissions.Fact;
import o2o.ledger.Ledger;
import o2o.testing.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A paid order is charged once per taker, on the ledger and in the statement; refunds give back their share, exactly;
 * a fact heard twice counts once; the ledger still reconciles.
 */
class CommissionIntegrationTests extends ApiTest {

    @Autowired
    PendingCommissions pending;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    CommissionWorld world;

    @BeforeEach
    void world() {
        world = new CommissionWorld(api, fixtures, pending, ledger);
    }

    @Test
    void aPaidOrderIsChargedTheRateOfItsTotalRoundedHalfToEvenOnTheLedgerAndInTheStatement() {
        var shop = world.shop("佣金小馆");
        world.rate(null, shop.id(), null, 50);
        var bought = world.buy(world.deal(shop, 1300), 1);
        world.counted();

        assertThat(world.due(shop.id(), "platform")).as("13.00 × 0.5% = 0.065 → 0.06, half to even").isEqualTo(6);
        var entry = ledger.entry("commission:" + bought.orderId() + ":platform").orElseThrow();
        assertThat(entry.postings()).extracting(o2o.ledger.Posting::amount).containsExactlyInAnyOrder(6L, -6L);
        var statement = world.statement(shop.merchant().ownerToken());
        assertThat(statement.path("total").path("orders").asLong()).isEqualTo(1);
        assertThat(minor(statement.path("total"), "gross")).isEqualTo(1300);
        assertThat(minor(statement.path("total"), "charged")).isEqualTo(6);
        assertThat(minor(statement.path("total"), "net")).isEqualTo(6);
        assertThat(statement.path("takers").size()).isEqualTo(1);
        assertThat(statement.path("takers").get(0).path("taker").asString()).isEqualTo("platform");
        var today = statement.path("days").valueStream()
                .filter(d -> d.path("orders").asLong() == 1).toList();
        assertThat(today).hasSize(1);
        assertThat(minor(today.getFirst(), "charged")).isEqualTo(6);
        assertThat(ledger.reconcile().clean()).isTrue();
    }

    @Test
    void aPartialThenAFullRefundGiveBackTheCommissionExactly() {
        var shop = world.shop("退款小馆");
        world.rate(null, shop.id(), null, 1111);
        var bought = world.buy(world.deal(shop, 1000), 3);
        world.counted();
        assertThat(world.due(shop.id(), "platform")).as("30.00 × 11.11% = 3.333").isEqualTo(333);

        world.refund(bought, 0);
        world.counted();
        assertThat(world.due(shop.id(), "platform")).as("a third back: 111").isEqualTo(333 - 111);
        var partly = world.statement(shop.merchant().ownerToken()).path("total");
        assertThat(minor(partly, "reversed")).isEqualTo(111);
        assertThat(minor(partly, "net")).isEqualTo(222);

        world.refund(bought, 1);
        world.refund(bought, 2);
        world.counted();
        assertThat(world.due(shop.id(), "platform")).as("refunded in full: all of it back").isZero();
        var whole = world.statement(shop.merchant().ownerToken()).path("total");
        assertThat(minor(whole, "charged")).isEqualTo(333);
        assertThat(minor(whole, "reversed")).isEqualTo(333);
        assertThat(minor(whole, "net")).isZero();
        assertThat(jdbc.sql("select count(*) from commission_reversal where order_id = :o")
                .param("o", UUID.fromString(bought.orderId())).query(Long.class).single()).isEqualTo(3);
        assertThat(ledger.reconcile().clean()).isTrue();
    }

    @Test
    void aRefundGivesCommissionBackEvenAfterTheRateWasRemoved() {
        var shop = world.shop("撤费率小馆");
        var rate = world.rate(null, shop.id(), null, 2000);
        var bought = world.buy(world.deal(shop, 1500), 2);
        world.counted();
        assertThat(world.due(shop.id(), "platform")).isEqualTo(600);
        world.removeRate(rate);

        world.refund(bought, 1);
        world.counted();
        assertThat(world.due(shop.id(), "platform")).isEqualTo(300);
        assertThat(minor(world.statement(shop.merchant().ownerToken()).path("total"), "reversed")).isEqualTo(300);
        var again = world.buy(world.deal(shop, 1500), 1);
        world.counted();
        assertThat(ledger.entry("commission:" + again.orderId() + ":platform")).as("no rate now, no charge").isEmpty();
    }

    @Test
    void thePlatformAndAMallBothChargeTheOrderAndTheMallSeesWhatItEarnedOfEachMerchant() {
        var mall = world.shop("商场");
        var shop = world.shop("商场租户");
        var ofCategory = world.rate(null, null, shop.category(), 300);
        world.rate(mall.id(), shop.id(), null, 800);
        try {
            world.buy(world.deal(shop, 2500), 2);
            world.counted();
        } finally {
            world.removeRate(ofCategory);
        }
        assertThat(world.due(shop.id(), "platform")).as("50.00 × 3%").isEqualTo(150);
        assertThat(world.due(shop.id(), mall.id().toString())).as("50.00 × 8%").isEqualTo(400);

        var statement = world.statement(shop.merchant().ownerToken());
        assertThat(statement.path("total").path("orders").asLong()).as("one order, two takers").isEqualTo(1);
        assertThat(minor(statement.path("total"), "gross")).isEqualTo(5000);
        assertThat(minor(statement.path("total"), "charged")).isEqualTo(550);
        assertThat(statement.path("takers").valueStream().map(t -> t.path("taker").asString()).toList())
                .containsExactly("platform", mall.id().toString());
        assertThat(statement.path("takers").get(1).path("takerName").asString()).isEqualTo("商场");

        var earnings = api.get("/api/v1/merchant/commission/earnings", mall.merchant().ownerToken());
        assertThat(earnings.status()).as(earnings.raw()).isEqualTo(200);
        assertThat(earnings.body().path("merchants").size()).isEqualTo(1);
        assertThat(earnings.body().path("merchants").get(0).path("merchantId").asString())
                .isEqualTo(shop.id().toString());
        assertThat(minor(earnings.body().path("total"), "charged")).isEqualTo(400);
        assertThat(minor(world.statement(mall.merchant().ownerToken()).path("total"), "charged"))
                .as("the mall itself was charged nothing").isZero();

        var all = api.get("/api/v1/admin/commission/statements", world.operator);
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.body().path("lines").valueStream()
                .filter(l -> l.path("merchantId").asString().equals(shop.id().toString()))
                .mapToLong(l -> minor(l.path("figures"), "charged")).sum()).isEqualTo(550);
    }

    @Test
    void theSameFactHeardTwiceCountsOnce() {
        var shop = world.shop("重复小馆");
        world.rate(null, shop.id(), null, 1000);
        var order = UUID.randomUUID();
        var paid = new Fact("PAID", order, shop.id(), 4000, 4000, "paid", Instant.now());
        var refund = new Fact("REFUND", order, shop.id(), 1000, 4000, "voucher:x", Instant.now());
        pending.add(paid);
        pending.add(paid);
        world.counted();
        pending.add(paid);
        pending.add(refund);
        pending.add(refund);
        world.counted();
        pending.add(refund);
        world.counted();

        assertThat(world.due(shop.id(), "platform")).isEqualTo(400 - 100);
        assertThat(jdbc.sql("select count(*) from commission_charge where order_id = :o").param("o", order)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from commission_reversal where order_id = :o").param("o", order)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(ledger.reconcile().clean()).isTrue();
    }
}
