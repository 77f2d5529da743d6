package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.MutableClock;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A merchant with members, a segment of all of them and campaigns that reach it; reads what the campaigns did from
 * the tables (the audience, the outbox, the ledger's lots) to check it against what they should have done.
 */
final class OutreachWorld {

    record Member(UUID id, String phone) {}

    final Api api;
    final Fixtures fixtures;
    final JdbcClient jdbc;
    final MerchantFixture merchant;
    final List<Member> members = new ArrayList<>();

    OutreachWorld(Api api, Fixtures fixtures, JdbcClient jdbc, String name) {
        this.api = api;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.merchant = fixtures.approvedMerchant(name);
    }

    /** Moves the clock to the next 10:00 in China, out of the quiet hours for the rest of the day. */
    static void daytime(MutableClock clock) {
        var now = clock.instant();
        var china = now.atZone(QuietHours.ZONE);
        var ten = china.toLocalDate().atTime(LocalTime.of(10, 0)).atZone(QuietHours.ZONE);
        if (!ten.isAfter(china)) ten = ten.plusDays(1);
        clock.advance(Duration.between(now, ten.toInstant()));
    }

    OutreachWorld withMembers(int count) {
        for (int i = 0; i < count; i++) members.add(join("会员" + members.size()));
        Drained.await(jdbc);
        return this;
    }

    Member join(String name) {
        return join(name, Fixtures.uniquePhone());
    }

    Member join(String name, String phone) {
        var joined = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", name),
                merchant.ownerToken());
        assertThat(joined.status()).as(joined.raw()).isIn(200, 201);
        return new Member(UUID.fromString(joined.text("customerId")), phone);
    }

    /** A saved segment of every member (visits ≥ 0). */
    String everyone() {
        var saved = api.post("/api/v1/merchant/segments", Map.of("name", "全部会员",
                "rule", Map.of("field", "visits", "op", "gte", "value", 0)), merchant.ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        return saved.text("id");
    }

    String campaign(String name) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        var today = java.time.LocalDate.now(QuietHours.ZONE);
        body.put("startsOn", today.minusDays(1).toString());
        body.put("endsOn", today.plusDays(60).toString());
        body.put("attributionDays", 14);
        var created = api.post("/api/v1/merchant/campaigns", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    /** A ¥5-off coupon template of the merchant, 500 of them, valid for ten days. */
    String couponTemplate(String title) {
        var now = Instant.now();
        var created = api.post("/api/v1/merchant/coupons", Map.of("title", title, "kind", "AMOUNT_OFF",
                "amountOff", Map.of("minor", 500, "currency", "CNY"), "minSpend", Map.of("minor", 0, "currency", "CNY"),
                "totalQuantity", 500, "perCustomerLimit", 1, "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plus(Duration.ofDays(10)).toString()), merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    Api.Response plan(String campaign, Map<String, ?> body) {
        return api.put("/api/v1/merchant/campaigns/" + campaign + "/outreach", body, merchant.ownerToken());
    }

    static Map<String, Object> send(@org.jspecify.annotations.Nullable String segment, Map<String, ?> offer,
            Map<String, ?> message) {
        var body = new HashMap<String, Object>();
        if (segment != null) body.put("segmentId", segment);
        body.put("offer", offer);
        body.put("message", message);
        return body;
    }

    static Map<String, Object> sms(String text) {
        return Map.of("channels", List.of("SMS", "IN_APP"), "text", text);
    }

    /** Waits until the send is done and no message of it is pending. */
    void awaitSent(String campaign) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var view = api.get("/api/v1/merchant/campaigns/" + campaign + "/outreach", merchant.ownerToken());
            return view.body().path("status").asString().equals("SENT")
                    && view.body().path("messages").path("PENDING").asInt() == 0;
        });
    }

    /** The members in each arm: customer id → arm. */
    Map<UUID, String> arms(String campaign) {
        var arms = new HashMap<UUID, String>();
        jdbc.sql("select customer_id, arm from outreach_member where campaign_id = cast(:c as uuid)")
                .param("c", campaign)
                .query(rs -> {
                    arms.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return arms;
    }

    /** How many marketing SMS went to the phone. */
    int marketingSms(String phone) {
        return jdbc.sql("select count(*) from notification where channel = 'SMS' and kind = 'MARKETING' "
                + "and recipient = :p").param("p", phone).query(Integer.class).single();
    }

    String lastMarketingSms(String phone) {
        return jdbc.sql("select body from notification where channel = 'SMS' and kind = 'MARKETING' "
                + "and recipient = :p order by created_at desc limit 1").param("p", phone).query(String.class).single();
    }

    /** The bonus points the campaign gave the member, by its lots. */
    long bonusPoints(String campaign, UUID member) {
        return jdbc.sql("select coalesce(sum(points), 0) from points_lot where reference like :r")
                .param("r", "outreach:" + campaign + ":" + member + ":%").query(Long.class).single();
    }

    static Instant at(Api.Response response, String field) {
        return Instant.parse(response.text(field));
    }
}
