package o2o.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.PosSaleBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Profile facts are the sums of the orders and refunds behind them, in each window, each fact once, exact under
 * concurrent sales; and a merchant sees only its own members.
 */
class ProfileProjectionIntegrationTests extends ApiTest {

    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");

    @Autowired
    ProfileReactions reactions;

    @Autowired
    ProfileScoring scoring;

    @Autowired
    JdbcClient jdbc;

    /** A sale as posted, and what went back of it. */
    private record Sold(String phone, Instant at, long total, long refunded) {}

    @Test
    void factsEqualTheSumsOfRandomOrdersAndRefundsInEachWindow() {
        var random = new Random(15);
        var merchant = fixtures.approvedMerchant("画像小馆");
        var store = fixtures.store(merchant, Fixtures.unique("画像店"), 31.2, 121.4, "火锅");
        var key = posKey(merchant, store);
        var phones = List.of(Fixtures.uniquePhone(), Fixtures.uniquePhone(), Fixtures.uniquePhone());
        var customers = new HashMap<String, String>();
        for (var phone : phones) customers.put(phone, join(merchant, phone));
        var sold = new ArrayList<Sold>();
        int n = 0;
        // POS sales may be at most 7 days old, so the clock goes back to make older ones: 400 days ago is outside
        // both windows, 200 inside 365 only, 40 inside both.
        for (int daysAgo : new int[] {400, 200, 40, 0}) {
            clock.reset();
            clock.advance(Duration.ofDays(-daysAgo));
            for (int i = 0; i < 4; i++) {
                var phone = phones.get(random.nextInt(phones.size()));
                long total = 100L * (10 + random.nextInt(400));
                var at = clock.instant().minus(Duration.ofHours(1 + random.nextInt(120)))
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                var txn = "P-" + (n++);
                var body = PosSaleBodies.sale(txn, total, at, "CASH", Map.of("phone", phone));
                var response = api.post("/api/v1/pos/sales", body, key);
                assertThat(response.status()).as(response.raw()).isEqualTo(201);
                long refunded = random.nextBoolean() ? 100L * (1 + random.nextInt((int) (total / 200))) : 0;
                if (refunded > 0) {
                    var refund = api.post("/api/v1/pos/sales/" + txn + "/refunds",
                            Map.of("refundId", "R-" + txn, "amount", refunded), key);
                    assertThat(refund.status()).as(refund.raw()).isBetween(200, 201);
                }
                sold.add(new Sold(phone, at, total, refunded));
            }
            Drained.await(jdbc);
        }
        clock.reset();
        scoring.refreshWindows();

        var today = LocalDate.now(clock.withZone(SHANGHAI));
        for (var phone : phones) {
            var facts = profile(merchant, customers.get(phone));
            var mine = sold.stream().filter(s -> s.phone().equals(phone)).toList();
            assertThat(facts.path("lifetime").path("visits").asLong()).isEqualTo(mine.size());
            assertThat(facts.path("lifetime").path("spend").path("minor").asLong())
                    .isEqualTo(mine.stream().mapToLong(s -> s.total() - s.refunded()).sum());
            for (int days : new int[] {90, 365}) {
                var inWindow = mine.stream()
                        .filter(s -> LocalDate.ofInstant(s.at(), SHANGHAI).isAfter(today.minusDays(days))).toList();
                var window = facts.path("days" + days);
                assertThat(window.path("visits").asLong()).as("%s, %d days", phone, days).isEqualTo(inWindow.size());
                assertThat(window.path("spend").path("minor").asLong()).as("%s, %d days", phone, days)
                        .isEqualTo(inWindow.stream().mapToLong(s -> s.total() - s.refunded()).sum());
            }
            if (mine.isEmpty()) continue;
            var last = mine.stream().map(Sold::at).max(Instant::compareTo).orElseThrow();
            assertThat(Instant.parse(facts.path("lastVisitAt").asString())).isEqualTo(last);
            assertThat(facts.path("items").get(0).path("title").asString()).as("two beers a sale").isEqualTo("啤酒");
            assertThat(facts.path("items").get(0).path("quantity").asLong()).isEqualTo(2L * mine.size());
            assertThat(facts.path("stores").get(0).path("visits").asLong()).isEqualTo(mine.size());
            assertThat(facts.path("channels").get(0).path("channel").asString()).isEqualTo("POS");
            assertThat(facts.path("averageTicket").path("minor").asLong()).isEqualTo(
                    mine.stream().mapToLong(s -> s.total() - s.refunded()).sum() / mine.size());
        }
    }

    @Test
    void aSaleAndARefundHeardAgainCountOnce() {
        var merchant = fixtures.approvedMerchant("画像幂等");
        var store = fixtures.store(merchant, Fixtures.unique("画像幂等店"), 31.2, 121.4, "火锅");
        var key = posKey(merchant, store);
        var phone = Fixtures.uniquePhone();
        var customer = join(merchant, phone);
        var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale("I-1", 8000, clock.instant().minusSeconds(60),
                "CASH", Map.of("phone", phone)), key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        assertThat(api.post("/api/v1/pos/sales/I-1/refunds", Map.of("refundId", "R1", "amount", 1000), key).status())
                .isBetween(200, 201);
        Drained.await(jdbc);
        var before = profile(merchant, customer);
        assertThat(before.path("lifetime").path("spend").path("minor").asLong()).isEqualTo(7000);

        var order = new OrderId(UUID.fromString(sold.text("orderId")));
        var reference = jdbc.sql("select reference from order_refund where order_id = :o").param("o", order.value())
                .query(String.class).single();
        var m = new MerchantId(merchant.id());
        var c = new CustomerId(UUID.fromString(customer));
        for (int i = 0; i < 2; i++) {
            reactions.on(new OrderPaid(order, m, c, Channel.POS, Money.cny(8000), clock.instant()));
            reactions.on(new OrderRefunded(order, m, c, Money.cny(1000), Money.cny(8000), reference,
                    clock.instant()));
        }
        assertThat(jdbc.sql("select count(*) from profile_pending_fact where order_id = :o")
                .param("o", order.value()).query(Long.class).single()).as("heard again, pending").isPositive();
        Drained.await(jdbc);

        assertThat(profile(merchant, customer)).isEqualTo(before);
    }

    @Test
    void twentyOrdersOfOneMemberPaidAtOnceCountExactly() throws Exception {
        var merchant = fixtures.approvedMerchant("画像并发");
        var store = fixtures.store(merchant, Fixtures.unique("画像并发店"), 31.2, 121.4, "火锅");
        var key = posKey(merchant, store);
        var phone = Fixtures.uniquePhone();
        var customer = join(merchant, phone);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 20; i++) {
            var txn = "C-" + i;
            long total = 800L * (i + 1);
            tasks.add(() -> api.post("/api/v1/pos/sales", PosSaleBodies.sale(txn, total,
                    clock.instant().minusSeconds(60), "CASH", Map.of("phone", phone)), key).status());
        }
        assertThat(Concurrently.atOnce(tasks)).containsOnly(201);
        Drained.await(jdbc);

        var facts = profile(merchant, customer);
        assertThat(facts.path("lifetime").path("visits").asLong()).isEqualTo(20);
        assertThat(facts.path("lifetime").path("spend").path("minor").asLong()).isEqualTo(800L * 20 * 21 / 2);
        assertThat(facts.path("days90").path("visits").asLong()).isEqualTo(20);
        assertThat(facts.path("months").get(facts.path("months").size() - 1).path("visits").asLong())
                .as("this month's bar").isEqualTo(20);
    }

    @Test
    void theNightlyScoresRankAMerchantsMembers() {
        var merchant = fixtures.approvedMerchant("画像评分");
        var store = fixtures.store(merchant, Fixtures.unique("画像评分店"), 31.2, 121.4, "火锅");
        var key = posKey(merchant, store);
        var big = Fixtures.uniquePhone();
        var small = Fixtures.uniquePhone();
        var idle = Fixtures.uniquePhone();
        var bigId = join(merchant, big);
        var smallId = join(merchant, small);
        var idleId = join(merchant, idle);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/pos/sales", PosSaleBodies.sale("S-B" + i, 50_000,
                    clock.instant().minusSeconds(60 + i), "CASH", Map.of("phone", big)), key).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/pos/sales", PosSaleBodies.sale("S-S", 1_000,
                clock.instant().minus(Duration.ofDays(5)), "CASH", Map.of("phone", small)), key).status())
                .isEqualTo(201);
        Drained.await(jdbc);
        scoring.score(merchant.id());

        var top = profile(merchant, bigId);
        assertThat(top.path("rfm").path("r").asInt()).isEqualTo(3);
        assertThat(top.path("rfm").path("f").asInt()).isEqualTo(3);
        assertThat(top.path("group").asString()).as("of two buyers, the better one lands in quintile 3")
                .isEqualTo("POTENTIAL");
        var low = profile(merchant, smallId);
        assertThat(low.path("rfm").path("r").asInt()).isEqualTo(1);
        assertThat(low.path("group").asString()).isEqualTo("HIBERNATING");
        var none = profile(merchant, idleId);
        assertThat(none.path("rfm").isNull()).as(none.toString()).isTrue();
        assertThat(none.path("group").asString()).isEqualTo("NEW");
        assertThat(none.path("lifetime").path("visits").asLong()).isZero();
    }

    @Test
    void aMerchantSeesAndTagsOnlyItsOwnMembers() {
        var a = fixtures.approvedMerchant("画像甲");
        var b = fixtures.approvedMerchant("画像乙");
        var customer = join(a, Fixtures.uniquePhone());
        var path = "/api/v1/merchant/members/" + customer;
        assertThat(api.get(path + "/profile", b.ownerToken()).status()).isEqualTo(404);
        assertThat(api.post(path + "/tags", Map.of("tag", "常客"), b.ownerToken()).status()).isEqualTo(404);
        assertThat(api.delete(path + "/tags?tag=常客", b.ownerToken()).status()).isEqualTo(404);
        var cashier = fixtures.staff(a, o2o.identity.Role.CASHIER, java.util.Set.of());
        assertThat(api.get(path + "/profile", cashier).status()).isEqualTo(403);

        var tagged = api.post(path + "/tags", Map.of("tag", " 爱吃辣 "), a.ownerToken());
        assertThat(tagged.status()).as(tagged.raw()).isEqualTo(200);
        assertThat(api.post(path + "/tags", Map.of("tag", "爱吃辣"), a.ownerToken()).body().path("tags").size())
                .as("a tag the member has changes nothing").isEqualTo(1);
        assertThat(profile(a, customer).path("tags").get(0).asString()).isEqualTo("爱吃辣");
        var none = api.post(path + "/tags", Map.of(), a.ownerToken());
        assertThat(none.status()).as(none.raw()).isEqualTo(400);
        assertThat(none.body().path("field").asString()).isEqualTo("tag");
        var bad = api.post(path + "/tags", Map.of("tag", "<script>"), a.ownerToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("field").asString()).isEqualTo("tag");
        for (int i = 1; i < Profiles.MAX_TAGS; i++) {
            assertThat(api.post(path + "/tags", Map.of("tag", "标签" + i), a.ownerToken()).status()).isEqualTo(200);
        }
        assertThat(api.post(path + "/tags", Map.of("tag", "一个太多"), a.ownerToken()).status()).isEqualTo(400);
        var untagged = api.delete(path + "/tags?tag=爱吃辣", a.ownerToken());
        assertThat(untagged.status()).as(untagged.raw()).isEqualTo(200);
        assertThat(untagged.body().path("tags").size()).isEqualTo(Profiles.MAX_TAGS - 1);
    }

    @Test
    void aMergedCustomersFactsAndTagsBecomeTheTargets() {
        var merchant = fixtures.approvedMerchant("画像合并");
        var store = fixtures.store(merchant, Fixtures.unique("画像合并店"), 31.2, 121.4, "火锅");
        var key = posKey(merchant, store);
        var sourcePhone = Fixtures.uniquePhone();
        var targetPhone = Fixtures.uniquePhone();
        var source = join(merchant, sourcePhone);
        var target = join(merchant, targetPhone);
        for (var sale : List.of(Map.entry("G-1", sourcePhone), Map.entry("G-2", targetPhone))) {
            var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale(sale.getKey(),
                    sale.getKey().equals("G-1") ? 5000 : 3000, clock.instant().minusSeconds(60), "CASH",
                    Map.of("phone", sale.getValue())), key);
            assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/merchant/members/" + source + "/tags", Map.of("tag", "老客"),
                merchant.ownerToken()).status()).isEqualTo(200);
        Drained.await(jdbc);

        var merged = api.post("/api/v1/admin/customers/merge", Map.of("sourceCustomerId", source,
                "targetCustomerId", target), fixtures.operatorToken());
        assertThat(merged.status()).as(merged.raw()).isBetween(200, 201);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var facts = profile(merchant, target);
            assertThat(facts.path("lifetime").path("visits").asLong()).isEqualTo(2);
            assertThat(facts.path("lifetime").path("spend").path("minor").asLong()).isEqualTo(8000);
            assertThat(facts.path("tags").get(0).asString()).isEqualTo("老客");
        });
        assertThat(jdbc.sql("select count(*) from profile_fact where customer_id = :c")
                .param("c", UUID.fromString(source)).query(Long.class).single()).as("nothing left behind").isZero();
    }

    @Test
    void theMembersOwnBirthdayShowsOnTheProfile() {
        var merchant = fixtures.approvedMerchant("画像生日");
        var phone = Fixtures.uniquePhone();
        var customer = join(merchant, phone);
        var token = fixtures.customerToken(phone);
        assertThat(profile(merchant, customer).path("birthday").isNull()).isTrue();

        var future = api.put("/api/v1/me/birthday", Map.of("birthday", LocalDate.now().plusDays(2).toString()), token);
        assertThat(future.status()).as(future.raw()).isEqualTo(400);
        assertThat(future.body().path("field").asString()).isEqualTo("birthday");
        var set = api.put("/api/v1/me/birthday", Map.of("birthday", "1990-05-17"), token);
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/birthday", token).body().path("birthday").asString()).isEqualTo("1990-05-17");
        assertThat(profile(merchant, customer).path("birthday").asString()).isEqualTo("1990-05-17");
    }

    private JsonNode profile(MerchantFixture merchant, String customer) {
        var response = api.get("/api/v1/merchant/members/" + customer + "/profile", merchant.ownerToken());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private String join(MerchantFixture merchant, String phone) {
        var member = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "会员"),
                merchant.ownerToken());
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        return member.text("customerId");
    }

    private String posKey(MerchantFixture merchant, UUID store) {
        var created = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("secret");
    }
}
