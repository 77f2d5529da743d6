package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.ledger.Ledger;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** What the points tests share: members who joined through the API, orders paid and refunded as the events say. */
abstract class LoyaltyTest extends ApiTest {

    @Autowired
    Loyalty loyalty;

    @Autowired
    Ledger ledger;

    @Autowired
    PointsSpending spending;

    @Autowired
    Tiers tiers;

    @Autowired
    PointsExpiry expiry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    record Member(UUID id, String token) {}

    Member member(MerchantFixture merchant) {
        var token = fixtures.customerToken(Fixtures.uniquePhone());
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), token);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        return new Member(UUID.fromString(joined.text("customerId")), token);
    }

    Member join(Member member, MerchantFixture merchant) {
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), member.token());
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        return member;
    }

    /** An order paid now on that channel; returns its id. */
    UUID pay(MerchantFixture merchant, Member member, Channel channel, long minor) {
        var order = Ids.next();
        loyalty.earnFor(paid(order, merchant, member, channel, minor));
        return order;
    }

    OrderPaid paid(UUID order, MerchantFixture merchant, Member member, Channel channel, long minor) {
        return new OrderPaid(new OrderId(order), new MerchantId(merchant.id()), new CustomerId(member.id()), channel, Money.cny(minor), clock.instant());
    }

    void refund(UUID order, MerchantFixture merchant, Member member, long minor, long orderTotal, String reference) {
        loyalty.reverseFor(new OrderRefunded(new OrderId(order), new MerchantId(merchant.id()), new CustomerId(member.id()),
                Money.cny(minor), Money.cny(orderTotal), reference, clock.instant()));
    }

    /** Spending as checkout and counter do: member → the accepting merchant's REDEEMED account, oldest lots first. */
    void spend(UUID program, MerchantFixture at, Member member, long points) {
        spending.spend(new CustomerId(member.id()), program, new MerchantId(at.id()), points,
                "test:" + Ids.next() + ":spend", "测试消费");
    }

    long balance(UUID program, Member member) {
        return ledger.find(Loyalty.memberKey(program, member.id())).map(a -> a.balance()).orElse(0L);
    }

    UUID program(MerchantFixture merchant) {
        return loyalty.programOf(merchant.id());
    }

    /** The member's lots, oldest first, as what remains of each. */
    List<Long> lotsOf(UUID program, Member member) {
        return jdbc.sql("select remaining from points_lot where program_id = :p and customer_id = :c order by earned_at, id")
                .param("p", program).param("c", member.id()).query(Long.class).list();
    }

    Map<String, Object> rules(String name, int perYuan, Map<String, Integer> channelRates,
            List<Map<String, Object>> events, String expiryPolicy) {
        return Map.of("name", name, "pointsPerYuan", perYuan, "channelRates", channelRates, "bonusEvents", events,
                "expiryPolicy", expiryPolicy);
    }

    void putRules(MerchantFixture merchant, Map<String, Object> rules) {
        var saved = api.put("/api/v1/merchant/points-program", rules, merchant.ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    void putTiers(MerchantFixture merchant, String basis, Integer periodDays, List<Map<String, Object>> levels) {
        var body = new HashMap<String, Object>();
        body.put("basis", basis);
        body.put("periodDays", periodDays);
        body.put("levels", levels);
        var saved = api.put("/api/v1/merchant/tiers", body, merchant.ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    static Map<String, Object> level(String name, long threshold, int discount, int multiplier) {
        return Map.of("name", name, "threshold", threshold, "discountPercent", discount,
                "pointsMultiplierPercent", multiplier);
    }
}
