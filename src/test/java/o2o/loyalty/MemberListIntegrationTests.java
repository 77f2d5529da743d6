package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

import o2o.identity.Role;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
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
import tools.jackson.databind.JsonNode;

/** The merchant's member list and profiles: search, paging, visits and spend from the order events, and isolation. */
class MemberListIntegrationTests extends ApiTest {

    @Autowired
    MemberActivity activity;

    @Autowired
    JdbcClient jdbc;

    private Api.Response register(Fixtures.MerchantFixture merchant, String phone, String name) {
        var registered = api.post("/api/v1/merchant/members",
                name.isEmpty() ? Map.of("phone", phone) : Map.of("phone", phone, "name", name), merchant.ownerToken());
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return registered;
    }

    private static List<JsonNode> items(Api.Response page) {
        var items = new ArrayList<JsonNode>();
        page.body().path("items").forEach(items::add);
        return items;
    }

    @Test
    void theMemberListPagesThroughEveryMemberOnceNewestFirst() {
        var merchant = fixtures.approvedMerchant("会员列表");
        var joined = new ArrayList<String>();
        for (int i = 0; i < 23; i++) joined.add(register(merchant, Fixtures.uniquePhone(), "").text("customerId"));

        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.get("/api/v1/merchant/members?limit=10" + (cursor == null ? "" : "&cursor=" + cursor),
                    merchant.ownerToken());
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            items(page).forEach(item -> seen.add(item.path("customerId").asString()));
            cursor = page.body().path("next").isNull() || page.body().path("next").isMissingNode()
                    ? null : page.body().path("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(seen).isEqualTo(joined.reversed());

        assertThat(api.get("/api/v1/merchant/members?cursor=nonsense", merchant.ownerToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/members?limit=0", merchant.ownerToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/members?limit=101", merchant.ownerToken()).status()).isEqualTo(400);
    }

    @Test
    void theMemberListFindsMembersByPhoneDigitsOrName() {
        var merchant = fixtures.approvedMerchant("搜会员");
        var wang = Fixtures.uniquePhone();
        var wangId = register(merchant, wang, "王小姐").text("customerId");
        var liId = register(merchant, Fixtures.uniquePhone(), "李_先生").text("customerId");
        register(merchant, Fixtures.uniquePhone(), "");

        var byDigits = items(api.get("/api/v1/merchant/members?q=" + wang.substring(3), merchant.ownerToken()));
        assertThat(byDigits).extracting(i -> i.path("customerId").asString()).containsExactly(wangId);
        var byName = items(api.get("/api/v1/merchant/members?q=%E7%8E%8B", merchant.ownerToken()));
        assertThat(byName).extracting(i -> i.path("customerId").asString()).containsExactly(wangId);
        assertThat(byName.getFirst().path("phone").asString()).isEqualTo(wang.substring(0, 3) + "****" + wang.substring(7));
        var underscore = items(api.get("/api/v1/merchant/members?q=_", merchant.ownerToken()));
        assertThat(underscore).as("_ is a character, not a wildcard").extracting(i -> i.path("customerId").asString())
                .containsExactly(liId);
        assertThat(items(api.get("/api/v1/merchant/members?q=%E8%B5%B5", merchant.ownerToken()))).isEmpty();
        assertThat(items(api.get("/api/v1/merchant/members", merchant.ownerToken()))).hasSize(3);

        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        assertThat(api.get("/api/v1/merchant/members", cashier).status()).as("cashiers look up, not list").isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/members/" + wangId, cashier).status()).isEqualTo(403);
    }

    @Test
    void theProfileCountsVisitsAndSpendExactlyAfterPaymentsARefundAndARedeliveredEvent() {
        var merchant = fixtures.approvedMerchant("会员画像");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 5000, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), customer);
        var customerId = api.get("/api/v1/me/memberships", customer).body().get(0).path("customerId").asString();
        var profile = "/api/v1/merchant/members/" + customerId;
        var fresh = api.get(profile, merchant.ownerToken());
        assertThat(fresh.status()).as(fresh.raw()).isEqualTo(200);
        assertThat(fresh.body().path("visits").asInt()).isZero();
        assertThat(fresh.body().path("lastVisitAt").isNull()).isTrue();

        var first = fixtures.order(customer, deal, 1).text("id");
        fixtures.pay(customer, first, true);
        fixtures.vouchersOf(customer, 1); // paid before the second, so "most recent" is well defined
        var second = fixtures.order(customer, deal, 2).text("id");
        fixtures.pay(customer, second, true);
        var vouchers = fixtures.vouchersOf(customer, 3);
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(profile, merchant.ownerToken()).body().path("points").asLong() == 150);
        String refunded = null;
        for (var v : vouchers) if (v.path("orderId").asString().equals(second)) refunded = v.path("id").asString();
        assertThat(api.post("/api/v1/me/vouchers/" + refunded + "/refund", null, customer).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(profile, merchant.ownerToken()).body().path("spend").path("minor").asLong() == 10000);

        var after = api.get(profile, merchant.ownerToken()).body();
        assertThat(after.path("visits").asInt()).isEqualTo(2);
        assertThat(after.path("spend").path("minor").asLong()).isEqualTo(10000);
        assertThat(after.path("lastVisitAt").isNull()).isFalse();
        assertThat(after.path("channel").asString()).isEqualTo("online");
        var recent = after.path("recentOrders");
        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.get(0).path("orderId").asString()).isEqualTo(second);
        assertThat(recent.get(0).path("total").path("minor").asLong()).isEqualTo(10000);
        assertThat(recent.get(0).path("refunded").path("minor").asLong()).isEqualTo(5000);
        assertThat(recent.get(1).path("refunded").path("minor").asLong()).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(profile, merchant.ownerToken()).body().path("points").asLong() == 100);
        var row = items(api.get("/api/v1/merchant/members", merchant.ownerToken())).getFirst();
        assertThat(row.path("visits").asInt()).isEqualTo(2);
        assertThat(row.path("spend").path("minor").asLong()).isEqualTo(10000);

        var settled = api.get(profile, merchant.ownerToken()).body();
        var refund = jdbc.sql("select reference, amount_minor from member_activity_refund where order_id = :o")
                .param("o", UUID.fromString(second))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).single();
        var merchantId = merchant.id();
        var member = UUID.fromString(customerId);
        activity.paid(new OrderPaid(new OrderId(UUID.fromString(second)), new MerchantId(merchantId), new CustomerId(member),
                Channel.DEAL,
                Money.cny(10000), Instant.now()));
        activity.refunded(new OrderRefunded(new OrderId(UUID.fromString(second)), new MerchantId(merchantId),
                new CustomerId(member), Money.cny(refund.getValue()),
                Money.cny(10000), refund.getKey(), Instant.now()));
        assertThat(api.get(profile, merchant.ownerToken()).body()).as("the same events delivered again").isEqualTo(settled);
    }

    @Test
    void eventsDeliveredManyTimesAtOnceCountOnceAndDifferentOrdersAllCount() throws Exception {
        var merchant = UUID.randomUUID();
        var customer = UUID.randomUUID();
        var order = UUID.randomUUID();
        var paid = new OrderPaid(new OrderId(order), new MerchantId(merchant), new CustomerId(customer), Channel.DEAL,
                Money.cny(2000), Instant.now());
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                activity.paid(paid);
                return true;
            });
        }
        for (int i = 0; i < 20; i++) {
            var other = new OrderPaid(new OrderId(UUID.randomUUID()), new MerchantId(merchant), new CustomerId(customer),
                    Channel.DEAL, Money.cny(300),
                    Instant.now());
            tasks.add(() -> {
                activity.paid(other);
                return true;
            });
        }
        Concurrently.atOnce(tasks);
        var refunds = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 20; i++) {
            var reference = "voucher:" + (i % 4);
            refunds.add(() -> {
                activity.refunded(new OrderRefunded(new OrderId(order), new MerchantId(merchant), new CustomerId(customer),
                        Money.cny(700), Money.cny(2000),
                        reference, Instant.now()));
                return true;
            });
        }
        Concurrently.atOnce(refunds);
        var totals = jdbc.sql("select visits, paid_minor, refunded_minor from member_activity where merchant_id = :m and customer_id = :c")
                .param("m", merchant).param("c", customer)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        assertThat(totals).as("21 orders; four refunds of 700 capped at the order's 2000")
                .containsExactly(21L, 2000L + 20 * 300L, 2000L);
    }

    @Test
    void staffOfAnotherMerchantCannotReachThisMerchantsMembers() {
        var victim = fixtures.approvedMerchant("被访问商户");
        var attacker = fixtures.approvedMerchant("越权商户");
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        api.post("/api/v1/me/memberships", Map.of("merchantId", victim.id()), customer);
        var customerId = api.get("/api/v1/me/memberships", customer).body().get(0).path("customerId").asString();
        var token = api.get("/api/v1/me/memberships/" + victim.id() + "/qr-token", customer).text("token");
        var b = new Victim(victim.ownerToken(), Map.of("customer", customerId, "phone", phone, "qr", token));
        var readBack = "/api/v1/merchant/members/{customer}";
        var access = new CrossMerchantAccess(api);
        for (var endpoint : List.<Function<Victim, Endpoint>>of(
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/members/{customer}"), null, v.fill(readBack)),
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/members/lookup?phone={phone}"), null, v.fill(readBack)),
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/members/lookup?qr={qr}"), null, v.fill(readBack)))) {
            access.assertDenied(attacker.ownerToken(), b, endpoint);
        }

        var before = api.get("/api/v1/merchant/members/" + customerId, victim.ownerToken()).body();
        assertThat(items(api.get("/api/v1/merchant/members?q=" + phone, attacker.ownerToken()))).isEmpty();
        var registered = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "改名"), attacker.ownerToken());
        assertThat(registered.status()).as("the attacker's counter registers its own member").isEqualTo(201);
        assertThat(api.get("/api/v1/merchant/members/" + customerId, victim.ownerToken()).body())
                .as("the victim's member is untouched").isEqualTo(before);

        var session = new WebSession(port).signInAsStaff(attacker.ownerUsername(), "password-1");
        var outsider = UUID.randomUUID();
        assertThat(session.get("/merchant/members/" + outsider).status()).isEqualTo(404);
        var onlyOwn = session.get("/merchant/members?q=" + phone);
        assertThat(onlyOwn.status()).isEqualTo(200);
        var ids = new HashSet<String>();
        items(api.get("/api/v1/merchant/members", attacker.ownerToken()))
                .forEach(i -> ids.add(i.path("customerId").asString()));
        assertThat(ids).containsExactly(customerId);
    }
}
