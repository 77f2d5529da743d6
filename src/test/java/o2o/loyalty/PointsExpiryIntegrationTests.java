package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import o2o.ledger.AccountKey;
import o2o.ledger.Posting;
import o2o.orders.Channel;
import o2o.shared.Ids;
import o2o.testing.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** Points expire by lots, oldest first, exactly once, while members keep earning. */
class PointsExpiryIntegrationTests extends LoyaltyTest {

    @Test
    void spendingTakesTheOldestLotsFirstAndExpiryTakesWhatIsLeftOfTheLotsThatAreDue() {
        var merchant = fixtures.approvedMerchant("积分过期");
        putRules(merchant, rules("过期积分", 1, Map.of(), List.of(), "MONTHS:1"));
        var member = member(merchant);
        var program = program(merchant);
        pay(merchant, member, Channel.DEAL, 10000);
        clock.advance(Duration.ofDays(10));
        pay(merchant, member, Channel.DEAL, 20000);
        clock.advance(Duration.ofDays(10));
        pay(merchant, member, Channel.DEAL, 30000);
        spend(program, merchant, member, 150);
        assertThat(lotsOf(program, member)).containsExactly(0L, 150L, 300L);

        clock.advance(Duration.ofDays(25)); // the second lot is due (earned 35 days ago), the third not yet (25 days)
        expiry.expireDue();
        assertThat(balance(program, member)).isEqualTo(600 - 150 - 150);
        assertThat(lotsOf(program, member)).containsExactly(0L, 0L, 300L);
        assertThat(ledger.find(PointsExpiry.expiredKey(program)).orElseThrow().balance()).isEqualTo(150);

        expiry.expireDue();
        assertThat(balance(program, member)).as("a second run expires nothing more").isEqualTo(300);
        assertThat(ledger.find(PointsExpiry.expiredKey(program)).orElseThrow().balance()).isEqualTo(150);
    }

    @Test
    void expiryNeverTakesMoreThanTheMemberHas() {
        var merchant = fixtures.approvedMerchant("余额不足");
        putRules(merchant, rules("积分", 1, Map.of(), List.of(), "MONTHS:1"));
        var member = member(merchant);
        var program = program(merchant);
        pay(merchant, member, Channel.DEAL, 10000);
        // a spend that did not keep the lots in step: the lot says 100, the balance is 40
        new TransactionTemplate(transactionManager).executeWithoutResult(s ->
                ledger.post("test:" + Ids.next(), "未扣批次的消费", merchant.id(), List.of(
                        new Posting(ledger.find(Loyalty.memberKey(program, member.id())).orElseThrow().id(), -60),
                        new Posting(ledger.account(new AccountKey("REDEEMED",
                                "merchant:" + merchant.id(), "program:" + program, "PTS"), merchant.id(), true).id(), 60))));
        clock.advance(Duration.ofDays(40));
        expiry.expireDue();
        assertThat(balance(program, member)).isZero();
        assertThat(lotsOf(program, member)).containsExactly(0L);
        assertThat(ledger.find(PointsExpiry.expiredKey(program)).orElseThrow().balance()).isEqualTo(40);
    }

    @Test
    void twoExpiryRunsAtOnceWhileTheMemberKeepsEarningExpireEachLotExactlyOnce() throws Exception {
        var merchant = fixtures.approvedMerchant("并发过期");
        putRules(merchant, rules("积分", 1, Map.of(), List.of(), "MONTHS:1"));
        var member = member(merchant);
        var program = program(merchant);
        for (int i = 0; i < 20; i++) pay(merchant, member, Channel.DEAL, 1000);
        clock.advance(Duration.ofDays(40));

        var tasks = new ArrayList<Callable<Long>>();
        for (int i = 0; i < 3; i++) tasks.add(() -> expiry.expireDue());
        for (int i = 0; i < 30; i++) {
            tasks.add(() -> {
                pay(merchant, member, Channel.DEAL, 2000);
                return 0L;
            });
        }
        Concurrently.atOnce(tasks);
        expiry.expireDue();

        assertThat(balance(program, member)).as("only the new lots are left").isEqualTo(30 * 20);
        assertThat(ledger.find(PointsExpiry.expiredKey(program)).orElseThrow().balance()).isEqualTo(20 * 10);
        assertThat(lotsOf(program, member)).containsExactlyElementsOf(Stream
                .concat(Collections.nCopies(20, 0L).stream(), Collections.nCopies(30, 20L).stream())
                .toList());
        assertThat(jdbc.sql("""
                select count(*) from ledger_entry e join points_lot l on e.reference = 'lot:' || l.id || ':expire'
                where l.customer_id = :c
                """).param("c", member.id()).query(Long.class).single()).isEqualTo(20);
        assertThat(api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body().path("differences").size())
                .isZero();
    }
}
