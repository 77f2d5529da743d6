package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A merchant with a store, a ¥99 deal and campaigns with poster codes, and the steps of a customer who scans a code
 * on one phone and orders from it; reads the attribution rows the listeners write.
 */
final class AttributionWorld {

    static final long PRICE = 9900;

    record Row(String kind, String factId, UUID campaign, UUID code, String rule, long amount, long discount,
            UUID store) {}

    final Api api;
    final Fixtures fixtures;
    final JdbcClient jdbc;
    final MerchantFixture merchant;
    final UUID store;
    final UUID deal;

    AttributionWorld(Api api, Fixtures fixtures, JdbcClient jdbc, String name) {
        this.api = api;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.merchant = fixtures.approvedMerchant(name);
        this.store = fixtures.store(merchant, name + "门店", 31.23, 121.47, "火锅");
        this.deal = fixtures.deal(merchant, Set.of(store), PRICE, null, false, "ANYTIME");
    }

    String campaign(String name, int attributionDays) {
        return campaign(name, attributionDays, "MERCHANT");
    }

    /** A campaign for the merchant's own customers ({@code MERCHANT}) or its group's ({@code GROUP}). */
    String campaign(String name, int attributionDays, String audience) {
        var body = CampaignIntegrationTests.campaignBody(name);
        body.put("attributionDays", attributionDays);
        body.put("audience", audience);
        var created = api.post("/api/v1/merchant/campaigns", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    /** A poster code of the campaign: its text and id. */
    Api.Response poster(String campaign) {
        var created = CampaignIntegrationTests.code(api, merchant.ownerToken(), campaign,
                Map.of("channel", "POSTER", "target", "DEAL", "targetId", deal));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created;
    }

    /** Opens the short link on a phone that has no cookie yet: the visitor id the link gives it. */
    UUID scanAnonymously(String code) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/c/" + code))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(302);
            var cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("o2o_vid="))
                    .findFirst().orElseThrow();
            return UUID.fromString(cookie.substring("o2o_vid=".length(), cookie.indexOf(';')));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Places an order of the deal from the phone of {@code visitor} (its cookie goes along); the order's id. */
    String order(String customerToken, UUID visitor, @Nullable UUID couponId) {
        var body = couponId == null ? Map.<String, Object>of("dealId", deal, "quantity", 1)
                : Map.<String, Object>of("dealId", deal, "quantity", 1, "couponId", couponId);
        var placed = api.send("POST", "/api/v1/orders", body, customerToken,
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "Cookie", "o2o_vid=" + visitor));
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        return placed.text("id");
    }

    /** Orders from that phone and pays; the order's id once its attribution is written. */
    String orderAndPay(String customerToken, UUID visitor, @Nullable UUID couponId) {
        var order = order(customerToken, visitor, couponId);
        fixtures.pay(customerToken, order, true);
        await("ORDER", order);
        return order;
    }

    Row await(String kind, String factId) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> rows(kind, factId), rows -> !rows.isEmpty()).getFirst();
    }

    /** The merchant's one fact of this kind, once written. */
    Row awaitOnly(String kind) {
        var factId = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select fact_id from attribution where merchant_id = :m and kind = :kind")
                        .param("m", merchant.id()).param("kind", kind).query(String.class).list(),
                        ids -> !ids.isEmpty());
        assertThat(factId).hasSize(1);
        return rows(kind, factId.getFirst()).getFirst();
    }

    List<Row> rows(String kind, String factId) {
        return jdbc.sql("""
                        select kind, fact_id, campaign_id, code_id, rule, amount_minor, discount_minor, store_id
                        from attribution where kind = :kind and fact_id = :fact""")
                .param("kind", kind).param("fact", factId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getLong(6), rs.getLong(7),
                        rs.getObject(8, UUID.class)))
                .list();
    }

    /** A ¥5-off coupon template of the merchant, valid for ten days. */
    String couponTemplate(String title) {
        return couponTemplate(api, merchant.ownerToken(), title);
    }

    static String couponTemplate(Api api, String ownerToken, String title) {
        var now = Instant.now();
        var created = api.post("/api/v1/merchant/coupons", Map.of("title", title, "kind", "AMOUNT_OFF",
                "amountOff", Map.of("minor", 500, "currency", "CNY"), "minSpend", Map.of("minor", 0, "currency", "CNY"),
                "totalQuantity", 100, "perCustomerLimit", 2, "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plus(Duration.ofDays(10)).toString()), ownerToken);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }
}
