package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Earn rules (channel rates, tier multipliers, bonus events), proportional refunds, and tiers with their history. */
class PointsProgramIntegrationTests extends LoyaltyTest {

    @Test
    void pointsFollowTheChannelRateTheTierMultiplierAndTheBestActiveBonusEvent() {
        var merchant = fixtures.approvedMerchant("积分规则");
        var now = clock.instant();
        putRules(merchant, rules("美食积分", 2, Map.of("DINE_IN", 3, "POS", 0), List.of(
                Map.of("from", now.minus(Duration.ofHours(1)).toString(), "to", now.plus(Duration.ofDays(1)).toString(),
                        "multiplierPercent", 150, "channel", "DINE_IN"),
                Map.of("from", now.minus(Duration.ofHours(1)).toString(), "to", now.plus(Duration.ofDays(1)).toString(),
                        "multiplierPercent", 120)), "END_OF_NEXT_YEAR"));
        putTiers(merchant, "POINTS", null, List.of(level("银卡", 100, 5, 200), level("金卡", 10000, 10, 300)));
        var member = member(merchant);
        var program = program(merchant);

        pay(merchant, member, Channel.DEAL, 4567); // 45.67 × 2 × 100% × 120% = 109.608
        assertThat(balance(program, member)).isEqualTo(109);
        assertThat(tiers.of(new CustomerId(member.id()), new MerchantId(merchant.id()))).get().extracting(Tier::name, Tier::discountPercent)
                .containsExactly("银卡", 5);

        pay(merchant, member, Channel.DINE_IN, 3333); // 33.33 × 3 × 200% × 150% = 299.97
        assertThat(balance(program, member)).isEqualTo(109 + 299);
        pay(merchant, member, Channel.POS, 10000); // the counter earns nothing here
        assertThat(balance(program, member)).isEqualTo(408);
        var before = paid(Ids.next(), merchant, member, Channel.PICKUP, 1005);
        loyalty.earnFor(new OrderPaid(before.orderId(), before.merchantId(), before.customerId(),
                before.channel(), before.total(), now.minus(Duration.ofDays(2)))); // before both events: 10.05 × 2 × 200%
        assertThat(balance(program, member)).isEqualTo(448);
        assertThat(lotsOf(program, member)).containsExactly(109L, 299L, 40L);

        var issued = ledger.find(Loyalty.issuedKey(program, merchant.id())).orElseThrow();
        assertThat(issued.balance()).as("the merchant's own ISSUED account gave them out").isEqualTo(-448);
        var expires = jdbc.sql("select distinct expires_at from points_lot where customer_id = :c")
                .param("c", member.id()).query(OffsetDateTime.class).list();
        var nextYearEnd = LocalDate.ofInstant(now, ExpiryPolicy.CHINA).plusYears(2).withDayOfYear(1)
                .atStartOfDay(ExpiryPolicy.CHINA).toInstant();
        assertThat(expires).extracting(OffsetDateTime::toInstant).containsExactly(nextYearEnd);
    }

    @Test
    void theSameOrderEarnsOnceHoweverOftenAndHoweverConcurrentlyItIsDelivered() throws Exception {
        var merchant = fixtures.approvedMerchant("重复投递");
        var member = member(merchant);
        var program = program(merchant);
        var paid = paid(Ids.next(), merchant, member, Channel.DEAL, 12345);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                loyalty.earnFor(paid);
                return true;
            });
        }
        Concurrently.atOnce(tasks);
        loyalty.earnFor(paid);
        assertThat(balance(program, member)).isEqualTo(123);
        assertThat(lotsOf(program, member)).containsExactly(123L);
    }

    @Test
    void manyOrdersOfOneMemberAtOnceEarnExactlyTheirSumAndCrossEachTierOnce() throws Exception {
        var merchant = fixtures.approvedMerchant("并发积分");
        putTiers(merchant, "POINTS", null, List.of(level("银卡", 500, 0, 100), level("金卡", 2000, 0, 100)));
        var member = member(merchant);
        var program = program(merchant);
        var tasks = IntStream.range(0, 40).<Callable<Boolean>>mapToObj(i -> () -> {
            pay(merchant, member, Channel.DEAL, 10099);
            return true;
        }).toList();
        Concurrently.atOnce(tasks);
        assertThat(balance(program, member)).isEqualTo(40 * 100);
        assertThat(lotsOf(program, member)).hasSize(40).allMatch(points -> points == 100);
        var history = tiers.memberTier(new CustomerId(member.id()), new MerchantId(merchant.id())).history();
        assertThat(history).extracting(MemberTier.Change::to).containsExactly("金卡", "银卡");
        assertThat(api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body().path("differences").size())
                .isZero();
    }

    @Test
    void aRefundTakesBackItsShareOfThePointsAndTheLotsFollowAndItCountsOnce() {
        var merchant = fixtures.approvedMerchant("退款扣积分");
        var member = member(merchant);
        var program = program(merchant);
        var order = pay(merchant, member, Channel.DEAL, 10000);
        pay(merchant, member, Channel.DEAL, 5000);
        assertThat(lotsOf(program, member)).containsExactly(100L, 50L);

        refund(order, merchant, member, 3000, 10000, "voucher:1");
        assertThat(balance(program, member)).isEqualTo(120);
        assertThat(lotsOf(program, member)).containsExactly(70L, 50L);
        refund(order, merchant, member, 3000, 10000, "voucher:1");
        assertThat(balance(program, member)).as("the same refund delivered again").isEqualTo(120);

        spend(program, merchant, member, 100); // oldest first: all 70 of the first lot, 30 of the second
        assertThat(lotsOf(program, member)).containsExactly(0L, 20L);
        refund(order, merchant, member, 5000, 10000, "voucher:2"); // its share is 50, but only 20 are left
        assertThat(balance(program, member)).isZero();
        assertThat(lotsOf(program, member)).containsExactly(0L, 0L);
        assertThat(ledger.find(Loyalty.issuedKey(program, merchant.id())).orElseThrow().balance())
                .as("given back to the account that issued them").isEqualTo(-150 + 30 + 20);
    }

    @Test
    void manyPartRefundsOfOneOrderAtOnceEachDeliveredTwiceGiveBackExactlyThePoints() throws Exception {
        var merchant = fixtures.approvedMerchant("并发退款");
        var member = member(merchant);
        var program = program(merchant);
        var order = pay(merchant, member, Channel.DEAL, 100000);
        var tasks = IntStream.range(0, 20).<Callable<Boolean>>mapToObj(i -> () -> {
            refund(order, merchant, member, 5000, 100000, "voucher:" + (i % 10));
            return true;
        }).toList();
        Concurrently.atOnce(tasks);
        assertThat(balance(program, member)).as("ten refunds of 5%% each").isEqualTo(1000 - 10 * 50);
        assertThat(lotsOf(program, member)).containsExactly(500L);
        assertThat(ledger.find(Loyalty.issuedKey(program, merchant.id())).orElseThrow().balance()).isEqualTo(-500);
        assertThat(jdbc.sql("select count(*) from ledger_entry where reference like :r")
                .param("r", "order:" + order + ":refund:%").query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void aMemberMovesUpAndDownTheTiersAndEveryChangeIsRecorded() {
        var merchant = fixtures.approvedMerchant("等级升降");
        putTiers(merchant, "SPEND", 30, List.of(level("银卡", 100, 5, 100), level("金卡", 500, 12, 150)));
        var member = member(merchant);
        var program = program(merchant);

        pay(merchant, member, Channel.DEAL, 15000);
        assertThat(tiers.of(new CustomerId(member.id()), new MerchantId(merchant.id()))).get().extracting(Tier::name).isEqualTo("银卡");
        var big = pay(merchant, member, Channel.DEAL, 40000);
        assertThat(tiers.of(new CustomerId(member.id()), new MerchantId(merchant.id()))).get().extracting(Tier::name, Tier::discountPercent)
                .containsExactly("金卡", 12);
        pay(merchant, member, Channel.DEAL, 10000); // at 金卡: 100 × 150%
        assertThat(balance(program, member)).isEqualTo(150 + 400 + 150);
        refund(big, merchant, member, 20000, 40000, "voucher:a");
        assertThat(tiers.of(new CustomerId(member.id()), new MerchantId(merchant.id()))).get().extracting(Tier::name).isEqualTo("银卡");

        var mine = api.get("/api/v1/me/memberships/" + merchant.id() + "/tier", member.token());
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        assertThat(mine.body().path("tier").path("name").asString()).isEqualTo("银卡");
        assertThat(mine.body().path("history").size()).isEqualTo(3);
        assertThat(mine.body().path("history").get(0).path("reason").asString()).isEqualTo("REFUND");

        clock.advance(Duration.ofDays(31));
        tiers.reevaluateRollingPeriods();
        assertThat(tiers.of(new CustomerId(member.id()), new MerchantId(merchant.id()))).isEmpty();
        assertThat(tiers.memberTier(new CustomerId(member.id()), new MerchantId(merchant.id())).history())
                .extracting(MemberTier.Change::from, MemberTier.Change::to, change -> change.reason().name())
                .containsExactly(
                        tuple("银卡", null, "PERIOD"),
                        tuple("金卡", "银卡", "REFUND"),
                        tuple("银卡", "金卡", "EARN"),
                        tuple(null, "银卡", "EARN"));
        tiers.reevaluateRollingPeriods();
        assertThat(tiers.memberTier(new CustomerId(member.id()), new MerchantId(merchant.id())).history()).as("nothing more to change").hasSize(4);
    }

    @Test
    void changingTheLevelsReevaluatesTheMembersAtOnce() {
        var merchant = fixtures.approvedMerchant("改等级");
        var member = member(merchant);
        pay(merchant, member, Channel.DEAL, 30000);
        assertThat(tiers.of(new CustomerId(member.id()), new MerchantId(merchant.id()))).isEmpty();
        putTiers(merchant, "POINTS", null, List.of(level("会员", 0, 0, 100), level("银卡", 200, 3, 100)));
        assertThat(tiers.of(new CustomerId(member.id()), new MerchantId(merchant.id()))).get().extracting(Tier::name).isEqualTo("银卡");
        assertThat(tiers.memberTier(new CustomerId(member.id()), new MerchantId(merchant.id())).history()).extracting(change -> change.reason().name())
                .containsExactly("RULES");
        var read = api.get("/api/v1/merchant/tiers", merchant.ownerToken());
        assertThat(read.body().path("levels").size()).isEqualTo(2);
        assertThat(read.body().path("levels").get(1).path("rank").asInt()).isEqualTo(2);
    }

    @Test
    void aCustomerWhoIsNotAMemberHasNoTierToRead() {
        var merchant = fixtures.approvedMerchant("非会员");
        var stranger = fixtures.customerToken(Fixtures.uniquePhone());
        var response = api.get("/api/v1/me/memberships/" + merchant.id() + "/tier", stranger);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
