package o2o.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;

import o2o.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** What `--demo` promises in the README: a browsable city, the listed accounts, something to buy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"o2o.demo.enabled=true", "o2o.demo.stores=400", "o2o.identity.operator-username=admin",
                "o2o.identity.operator-password=admin123"})
@ActiveProfiles("test")
class DemoDataTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void seedsACityWithTheReadmesAccountsAndOffers() {
        var api = new Api(port);
        var nearby = api.get("/api/v1/stores/nearby?lat=31.2304&lng=121.4737&radiusMeters=5000&limit=100");
        assertThat(nearby.body().path("items").size()).isGreaterThan(20);

        for (var user : new String[] {"owner1", "manager1", "cashier1", "waiter1", "kitchen1", "owner2", "owner3"}) {
            assertThat(api.post("/api/v1/auth/staff/login", Map.of("username", user, "password", "demo1234")).status())
                    .as(user).isEqualTo(200);
        }
        var admin = api.post("/api/v1/auth/staff/login", Map.of("username", "admin", "password", "admin123"));
        assertThat(api.get("/api/v1/admin/merchants?status=PENDING", admin.text("token")).body().path("items").size())
                .isEqualTo(2);

        var owner = api.post("/api/v1/auth/staff/login", Map.of("username", "owner1", "password", "demo1234"));
        var deals = api.get("/api/v1/merchant/deals", owner.text("token")).body();
        assertThat(deals.size()).isEqualTo(2);
        var store = api.get("/api/v1/merchant/stores", owner.text("token")).body().get(0).path("id").asString();
        var reviews = api.get("/api/v1/merchant/reviews", owner.text("token")).body().path("items");
        assertThat(reviews.size()).as("the showcase's reviews").isEqualTo(9);
        assertThat(reviews.get(0).path("flagged").asBoolean()).as("the open low score first").isTrue();
        assertThat(reviews.get(0).path("resolvedAt").isNull()).isTrue();
        assertThat(api.get("/api/v1/stores/" + store + "/reviews").body().path("rating").path("count").asInt())
                .isPositive();
        assertThat(api.get("/api/v1/stores/" + store + "/deals").body().size()).isEqualTo(2);
        assertThat(api.get("/api/v1/stores/" + store + "/coupons").body().size()).isEqualTo(1);

        var showcase = jdbc.sql("select store_id from dining_table group by store_id").query(UUID.class).single();
        var menu = api.get("/stores/" + showcase + "/menu");
        assertThat(menu.status()).isEqualTo(200);
        assertThat(menu.raw()).contains("招牌红烧肉", "油爆虾", "大份");
        var tables = api.get("/api/v1/merchant/stores/" + showcase + "/tables", owner.text("token"));
        assertThat(tables.status()).as(tables.raw()).isEqualTo(200);
        assertThat(tables.body().size()).isEqualTo(10);
        var scan = api.get("/t/" + tables.body().get(0).path("code").asString());
        assertThat(scan.status()).as("a demo table's QR code opens its table").isEqualTo(302);
    }

    @Test
    void seedsMembersOfTheShowcaseMerchantWithTheirOrderHistoryAndTopsThemUp() {
        var merchant = jdbc.sql("select merchant_id from staff_account where username = 'owner1'").query(UUID.class).single();
        assertThat(count("select count(*) from membership where merchant_id = :m", merchant)).isEqualTo(200);
        assertThat(count("select count(*) from customer_order where merchant_id = :m and status = 'COMPLETED'"
                + " and channel <> 'DELIVERY'", merchant))
                .isEqualTo(2000);
        demo.seedPeople(200, 2000);
        assertThat(count("select count(*) from customer_order where merchant_id = :m and status = 'COMPLETED'"
                + " and channel <> 'DELIVERY'", merchant))
                .isEqualTo(2000);
        demo.seedPeople(250, 2500);
        assertThat(count("select count(*) from membership where merchant_id = :m", merchant)).isEqualTo(250);
        assertThat(count("select count(*) from customer_order where merchant_id = :m and status = 'COMPLETED'"
                + " and channel <> 'DELIVERY'", merchant))
                .isEqualTo(2500);
        assertThat(count("select count(*) from ledger_entry where merchant_id = :m and reference like 'order:%:earn'",
                merchant)).as("every seeded order's points are on the ledger").isEqualTo(2500);
        assertThat(count("select count(*) from points_lot where merchant_id = :m", merchant)).isEqualTo(2500);
        assertThat(count("select coalesce(sum(visits), 0) from member_activity where merchant_id = :m"
                + " and customer_id not in (select customer_id from delivery_order)", merchant))
                .as("every seeded order is a visit on its member's profile, counted once (the demo's delivery"
                        + " customers apart)").isEqualTo(2500);
        assertThat(jdbc.sql("""
                        select count(*) from ledger_account a
                        where a.balance <> (select coalesce(sum(amount), 0) from ledger_posting where account_id = a.id)
                        """).query(Long.class).single()).as("balances equal their journal").isZero();
    }

    @Test
    void theShowcasesDashboardShowsItsHistoryAndItsCampaignsTheirScansAndOrders() {
        var api = new Api(port);
        var token = api.post("/api/v1/auth/staff/login", Map.of("username", "owner1", "password", "demo1234"))
                .text("token");
        var merchant = jdbc.sql("select merchant_id from staff_account where username = 'owner1'").query(UUID.class).single();
        var today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        var from = today.minusDays(59);
        var dashboard = api.get("/api/v1/merchant/dashboard?from=" + from + "&to=" + today, token);
        assertThat(dashboard.status()).as(dashboard.raw()).isEqualTo(200);
        var days = new HashSet<String>();
        long byDay = 0;
        for (var row : dashboard.body().path("byDay")) {
            if (row.path("orders").asLong() > 0) days.add(row.path("day").asString());
            byDay += row.path("orders").asLong();
        }
        assertThat(days).as("days of the last 60 with orders").hasSizeGreaterThan(45);
        long seeded = jdbc.sql("""
                        select count(*) from customer_order where merchant_id = :m and paid_at >= :from
                          and (status = 'COMPLETED' or channel = 'DELIVERY')
                        """).param("m", merchant)
                .param("from", from.atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime())
                .query(Long.class).single();
        assertThat(dashboard.body().path("totals").path("orders").asLong())
                .as("the seeded orders of the 60 days, and the demo's paid delivery orders")
                .isEqualTo(seeded).isEqualTo(byDay);

        var campaigns = api.get("/api/v1/merchant/campaigns", token).body().path("items");
        var names = new HashSet<String>();
        long scans = 0, orders = 0;
        var story = java.util.Set.of("春节海报", "朋友圈推文", "桌贴扫码");
        for (var campaign : campaigns) {
            if (!story.contains(campaign.path("name").asString())) continue; // the outreach's, reached by sends
            names.add(campaign.path("name").asString());
            var results = api.get("/api/v1/merchant/campaigns/" + campaign.path("id").asString() + "/results", token);
            assertThat(results.status()).as(results.raw()).isEqualTo(200);
            assertThat(results.body().path("totals").path("scans").asLong()).as(campaign.path("name").asString())
                    .isPositive();
            scans += results.body().path("totals").path("scans").asLong();
            orders += results.body().path("totals").path("orders").asLong();
        }
        assertThat(names).contains("春节海报", "朋友圈推文", "桌贴扫码");
        assertThat(scans).as("the 3000 scans, but for a few just before a campaign began").isBetween(2900L, 3000L);
        assertThat(orders).as("orders attributed to the campaigns").isPositive().isLessThan(seeded);
    }

    @Test
    void theShowcaseHasSegmentsAFinishedSendWhoseUpliftShowsAndAWelcomeJourney() {
        var api = new Api(port);
        var token = api.post("/api/v1/auth/staff/login", Map.of("username", "owner1", "password", "demo1234"))
                .text("token");
        var sizes = new java.util.HashMap<String, Long>();
        var segments = api.get("/api/v1/merchant/segments", token);
        assertThat(segments.status()).as(segments.raw()).isEqualTo(200);
        for (var segment : segments.body().path("segments")) {
            sizes.put(segment.path("name").asString(), segment.path("members").asLong());
        }
        assertThat(sizes).containsOnlyKeys(DemoOutreach.LAPSED, DemoOutreach.SET_MEAL_FANS, DemoOutreach.REGULARS);
        assertThat(sizes.values()).as("every saved segment has members").allMatch(n -> n > 0);

        var campaigns = api.get("/api/v1/merchant/campaigns", token).body().path("items");
        String send = null;
        for (var campaign : campaigns) {
            if (campaign.path("name").asString().equals(DemoOutreach.SEND)) send = campaign.path("id").asString();
        }
        assertThat(send).as("the send's campaign").isNotNull();
        var outreach = api.get("/api/v1/merchant/campaigns/" + send + "/outreach", token);
        assertThat(outreach.status()).as(outreach.raw()).isEqualTo(200);
        assertThat(outreach.body().path("status").asString()).isEqualTo("SENT");
        int treated = outreach.body().path("treated").asInt();
        int heldOut = outreach.body().path("heldOut").asInt();
        assertThat(treated + heldOut).as("the regulars, each taken in once")
                .isEqualTo(sizes.get(DemoOutreach.REGULARS).intValue());
        assertThat(heldOut).as("about a tenth held out").isPositive().isLessThan(treated / 3);
        assertThat(outreach.body().path("messages").path("SENT").asInt()).isEqualTo(treated);

        var uplift = api.get("/api/v1/merchant/campaigns/" + send + "/uplift", token);
        assertThat(uplift.status()).as(uplift.raw()).isEqualTo(200);
        var body = uplift.body();
        assertThat(body.path("treated").path("conversionRate").asDouble()).as(uplift.raw())
                .isGreaterThan(body.path("holdout").path("conversionRate").asDouble());
        assertThat(body.path("significant").asBoolean()).as(uplift.raw()).isTrue();
        assertThat(body.path("complete").asBoolean()).as("its window closed two weeks ago").isTrue();

        var journeys = api.get("/api/v1/merchant/outreach?journeys=true", token);
        assertThat(journeys.status()).as(journeys.raw()).isEqualTo(200);
        assertThat(journeys.raw()).contains("WELCOME", "ACTIVE");
    }

    private long count(String sql, UUID merchant) {
        return jdbc.sql(sql).param("m", merchant).query(Long.class).single();
    }

    @Test
    void aLaterRunWithMoreStoresAddsOnlyTheDifference() {
        var api = new Api(port);
        demo.seed(400);
        demo.seed(450);
        var owner = api.post("/api/v1/auth/staff/login", Map.of("username", "owner1", "password", "demo1234"));
        assertThat(api.get("/api/v1/merchant/deals", owner.text("token")).body().size()).isEqualTo(2);
    }
}
