package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.loyalty.Loyalty;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.tableorders.TableFixtures.Restaurant;
import o2o.tableorders.TableFixtures.Table;
import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Diners, their rounds, points, stored value and payments for the bill tests, through the public API. */
final class BillFixtures {

    private final Api api;
    private final Fixtures fixtures;
    private final TableFixtures tables;
    private final JdbcClient jdbc;
    private final Loyalty loyalty;
    private final Ledger ledger;
    private final int port;

    BillFixtures(Api api, Fixtures fixtures, TableFixtures tables, JdbcClient jdbc, Loyalty loyalty, Ledger ledger,
            int port) {
        this.api = api;
        this.fixtures = fixtures;
        this.tables = tables;
        this.jdbc = jdbc;
        this.loyalty = loyalty;
        this.ledger = ledger;
        this.port = port;
    }

    record Diner(String token, UUID id, String phone) {

        Map<String, String> auth() {
            return TableFixtures.signedIn(token);
        }
    }

    /** A customer signed in by SMS code; not a member of anything. */
    Diner diner() {
        var phone = Fixtures.uniquePhone();
        var token = fixtures.customerToken(phone);
        var me = api.get("/api/v1/me", token);
        assertThat(me.status()).as(me.raw()).isEqualTo(200);
        return new Diner(token, UUID.fromString(me.text("id")), phone);
    }

    /** A customer who joined the restaurant's membership. */
    Diner member(Restaurant restaurant) {
        var diner = diner();
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", restaurant.merchant().id()),
                diner.token());
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        return diner;
    }

    /** The diner adds dishes (item → quantity) to the table's cart and sends them as a round. */
    JsonNode round(Table table, Diner diner, Map<UUID, Integer> dishes) {
        dishes.forEach((item, quantity) -> {
            var added = tables.add(diner.auth(), table, item, List.of(), quantity);
            assertThat(added.status()).as(added.raw()).isEqualTo(201);
        });
        var sent = tables.as(diner.auth(), "POST", "/api/v1/tables/" + table.code() + "/rounds", null);
        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        return sent.body();
    }

    /** One round of 青菜 ×quantity (¥18 each) by this diner. */
    JsonNode greens(Restaurant restaurant, Table table, Diner diner, int quantity) {
        return round(table, diner, Map.of(restaurant.greens(), quantity));
    }

    String billPath(Table table) {
        return "/api/v1/tables/" + table.code() + "/bill";
    }

    String staffBillPath(Table table) {
        return "/api/v1/merchant/tables/" + table.id() + "/bill";
    }

    JsonNode bill(Table table, Diner diner) {
        var bill = api.get(billPath(table), diner.token());
        assertThat(bill.status()).as(bill.raw()).isEqualTo(200);
        return bill.body();
    }

    JsonNode ask(Table table, Diner diner) {
        var asked = api.post(billPath(table), null, diner.token());
        assertThat(asked.status()).as(asked.raw()).isEqualTo(200);
        return asked.body();
    }

    JsonNode split(Table table, Diner diner, String split, int parts) {
        var done = api.post(billPath(table) + "/split", Map.of("split", split, "parts", parts), diner.token());
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        return done.body();
    }

    Api.Response pay(Table table, Diner diner, String shareId, Map<String, Object> body) {
        return api.post(billPath(table) + "/shares/" + shareId + "/payment", body, diner.token());
    }

    /** Confirms a payment on the sandbox gateway's page, as the payer's phone does. */
    void confirm(String redirectUrl) {
        var session = new WebSession(port);
        assertThat(session.get(redirectUrl).status()).isEqualTo(200);
        assertThat(session.post(redirectUrl + "/confirm", Map.of()).status()).isEqualTo(302);
    }

    /** Waits until the bill shows settled (shares paid online are learned from events, after the commit). */
    JsonNode settled(Table table, Diner diner) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(billPath(table), diner.token()),
                        r -> r.status() == 200 && r.text("status").equals("SETTLED")).body();
    }

    JsonNode paidShares(Table table, Diner diner, int expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> bill(table, diner), b -> count(b.path("shares"), "PAID") >= expected);
    }

    static int count(JsonNode shares, String state) {
        int n = 0;
        for (var share : shares) if (share.path("state").asString().equals(state)) n++;
        return n;
    }

    static long minor(JsonNode money) {
        return money.path("minor").asLong();
    }

    /** Points credited as an import does, so spending starts from an exact balance. */
    void credit(Restaurant restaurant, Diner diner, long points) {
        var merchantId = restaurant.merchant().id();
        var program = loyalty.programOf(merchantId);
        var reference = "import:" + merchantId + ":" + Fixtures.unique("card") + ":points";
        var issued = ledger.account(new AccountKey("ISSUED", "merchant:" + merchantId, "program:" + program, "PTS"),
                merchantId, true);
        var member = ledger.account(new AccountKey("POINTS", "customer:" + diner.id(), "program:" + program, "PTS"),
                merchantId, false);
        ledger.post(reference, "导入积分", merchantId,
                List.of(new Posting(issued.id(), -points), new Posting(member.id(), points)));
        jdbc.sql("""
                        insert into points_lot (id, program_id, merchant_id, customer_id, reference, points, remaining,
                                                earned_at, expires_at)
                        values (:id, :p, :m, :c, :ref, :pts, :pts, :now, :expires)
                        """)
                .param("id", Ids.next()).param("p", program).param("m", merchantId).param("c", diner.id())
                .param("ref", reference).param("pts", points).param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .param("expires", Instant.now().plus(400, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC)).update();
    }

    long points(Restaurant restaurant, Diner diner) {
        return api.get("/api/v1/me/points?merchantId=" + restaurant.merchant().id(), diner.token()).body()
                .path("points").asLong();
    }

    /** Points may pay all of an order, one point a fen. */
    void pointsPayAll(Restaurant restaurant) {
        var changed = api.put("/api/v1/merchant/points-program/redemption", Map.of("pointsPerYuanOff", 100,
                "capPercent", 100, "minPointsPerUse", 0), restaurant.owner());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    }

    /** Levels by points earned: 银卡 from 100 points with 5% off, 金卡 from 10000 with 12% off. */
    void tiers(Restaurant restaurant) {
        var saved = api.put("/api/v1/merchant/tiers", Map.of("basis", "POINTS", "levels", List.of(
                Map.of("name", "银卡", "threshold", 100, "discountPercent", 5, "pointsMultiplierPercent", 100),
                Map.of("name", "金卡", "threshold", 10000, "discountPercent", 12, "pointsMultiplierPercent", 100))),
                restaurant.owner());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    /** The member earns points as from an order paid elsewhere (one point a yuan), reaching a tier. */
    void earn(Restaurant restaurant, Diner diner, long spentMinor) {
        loyalty.earnFor(new OrderPaid(new OrderId(Ids.next()), new MerchantId(restaurant.merchant().id()),
                new CustomerId(diner.id()), Channel.DEAL,
                Money.cny(spentMinor), Instant.now()));
    }

    /** Stored value topped up at the counter by a cashier. */
    void topUp(Restaurant restaurant, Diner diner, String cashier, long minor) {
        var topUp = api.send("POST", "/api/v1/merchant/wallet/top-ups",
                Map.of("phone", diner.phone(), "amount", Map.of("minor", minor, "currency", "CNY")), cashier,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(topUp.status()).as(topUp.raw()).isEqualTo(200);
    }

    long wallet(Restaurant restaurant, Diner diner) {
        var wallet = api.get("/api/v1/me/wallet?merchantId=" + restaurant.merchant().id(), diner.token()).body();
        return wallet.path("principal").path("minor").asLong() + wallet.path("bonus").path("minor").asLong();
    }

    /** An amount-off coupon of the restaurant, claimed by the diner; its id. */
    String coupon(Restaurant restaurant, Diner diner, long off, long minSpend) {
        var now = Instant.now();
        var template = api.post("/api/v1/merchant/coupons", Map.of("title", "立减", "kind", "AMOUNT_OFF",
                "amountOff", Map.of("minor", off, "currency", "CNY"),
                "minSpend", Map.of("minor", minSpend, "currency", "CNY"), "totalQuantity", 100, "perCustomerLimit", 1,
                "validFrom", now.minusSeconds(60).toString(), "validUntil", now.plus(Duration.ofDays(10)).toString()),
                restaurant.owner());
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        var claimed = api.post("/api/v1/me/coupons", Map.of("templateId", template.text("id")), diner.token());
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(201);
        return claimed.text("id");
    }

    String couponStatus(Diner diner, String couponId) {
        return api.get("/api/v1/me/coupons", diner.token()).body().valueStream()
                .filter(c -> c.path("id").asString().equals(couponId)).findFirst().orElseThrow()
                .path("status").asString();
    }

    long ordersOfShare(String shareId) {
        return jdbc.sql("select count(*) from customer_order o join bill_share s on s.order_id = o.id where s.id = :s")
                .param("s", UUID.fromString(shareId)).query(Long.class).single();
    }

    long paymentsOf(String orderId) {
        return jdbc.sql("select count(*) from payment where order_id = :o").param("o", UUID.fromString(orderId))
                .query(Long.class).single();
    }

    String orderStatus(String orderId) {
        return jdbc.sql("select status from customer_order where id = :o").param("o", UUID.fromString(orderId))
                .query(String.class).single();
    }

    /** Every order placed for the bill's shares, in any state (a cancelled one stays in the record). */
    List<UUID> dineInOrdersAt(Restaurant restaurant) {
        return jdbc.sql("""
                        select id from customer_order where merchant_id = :m and channel = 'DINE_IN' order by created_at
                        """)
                .param("m", restaurant.merchant().id()).query(UUID.class).list();
    }

    boolean sessionOpen(Table table) {
        return jdbc.sql("select count(*) from table_session where table_id = :t and closed_at is null")
                .param("t", table.id()).query(Long.class).single() > 0;
    }

    long closedSessions(Table table) {
        return jdbc.sql("select count(*) from table_session where table_id = :t and closed_at is not null")
                .param("t", table.id()).query(Long.class).single();
    }
}
