package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import o2o.testing.ApiTest;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The short link {@code /c/{code}}: one scan row per open, the visitor's cookie, and a landing on the target. */
class ShortLinkIntegrationTests extends ApiTest {

    private static final String WECHAT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.40";

    @Autowired
    JdbcClient jdbc;

    private record Scan(UUID visitor, UUID customer, String device, UUID campaign, UUID merchant) {}

    private List<Scan> scansOf(String code) {
        return jdbc.sql("""
                        select s.visitor_id, s.customer_id, s.device, s.campaign_id, s.merchant_id
                        from campaign_scan s join tracking_code c on c.id = s.code_id where c.code = :code
                        order by s.scanned_at, s.id""")
                .param("code", code)
                .query((rs, row) -> new Scan(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)))
                .list();
    }

    private HttpResponse<String> open(HttpClient client, String code, String userAgent) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(api.base() + "/c/" + code))
                .header("User-Agent", userAgent).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachTargetLandsOnItsPageAndRecordsTheScan() throws Exception {
        var merchant = fixtures.approvedMerchant("短链商户");
        var store = fixtures.store(merchant, "短链门店", 31.23, 121.47, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 9900, null, false, "ANYTIME");
        var campaign = CampaignIntegrationTests.campaign(api, merchant, "短链");
        var expected = Map.of(
                "STORE", "/stores/" + store, "MENU", "/stores/" + store + "/menu",
                "BOOKING", "/stores/" + store + "/reserve", "PICKUP", "/stores/" + store + "/pickup",
                "JOIN", "/stores/" + store + "#membership", "DEAL", "/deals/" + deal);
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (var target : expected.entrySet()) {
            var body = target.getKey().equals("DEAL")
                    ? Map.<String, Object>of("channel", "SMS", "target", "DEAL", "targetId", deal)
                    : Map.<String, Object>of("channel", "POSTER", "target", target.getKey(), "storeId", store);
            var code = CampaignIntegrationTests.code(api, merchant.ownerToken(), campaign, body).text("code");
            var response = open(client, code, WECHAT);
            assertThat(response.statusCode()).as(target.getKey()).isEqualTo(302);
            assertThat(URI.create(response.headers().firstValue("Location").orElseThrow()).getRawPath()
                    + fragment(response)).as(target.getKey()).isEqualTo(target.getValue());
            var scans = scansOf(code);
            assertThat(scans).hasSize(1);
            assertThat(scans.getFirst().device()).isEqualTo("WECHAT");
            assertThat(scans.getFirst().campaign()).isEqualTo(UUID.fromString(campaign));
            assertThat(scans.getFirst().merchant()).isEqualTo(merchant.id());
            assertThat(scans.getFirst().customer()).isNull();
        }
    }

    private static String fragment(HttpResponse<String> response) {
        var fragment = URI.create(response.headers().firstValue("Location").orElseThrow()).getRawFragment();
        return fragment == null ? "" : "#" + fragment;
    }

    @Test
    void theVisitorCookieIsSetOnceHttpOnlyAndLaxAndTheSecondScanKeepsTheSameVisitor() throws Exception {
        var code = posterCode("回访");
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var first = open(client, code, "Mozilla/5.0 (Linux; Android 14) Chrome/120 Mobile");
        var cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("o2o_vid="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Path=/").containsIgnoringCase("Max-Age=");
        var second = open(client, code, "Mozilla/5.0 (Linux; Android 14) Chrome/120 Mobile");
        assertThat(second.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("o2o_vid="));

        var stranger = open(HttpClient.newHttpClient(), code, "curl/8");
        assertThat(stranger.statusCode()).isEqualTo(302);
        var scans = scansOf(code);
        assertThat(scans).hasSize(3);
        assertThat(scans.get(0).visitor()).isEqualTo(scans.get(1).visitor())
                .isEqualTo(UUID.fromString(cookie.substring("o2o_vid=".length(), cookie.indexOf(';'))));
        assertThat(scans.get(2).visitor()).as("another phone is another visitor").isNotEqualTo(scans.get(0).visitor());
        assertThat(scans.get(0).device()).isEqualTo("ANDROID");
        assertThat(scans.get(2).device()).isEqualTo("OTHER");
    }

    @Test
    void aSignedInCustomersScanNamesTheCustomer() {
        var code = posterCode("会员扫码");
        var phone = o2o.testing.Fixtures.uniquePhone();
        var customer = UUID.fromString(api.get("/api/v1/me", fixtures.customerToken(phone)).text("id"));
        clock.advance(java.time.Duration.ofMinutes(2)); // past the interval before another code is sent
        var session = new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
        assertThat(session.get("/c/" + code).status()).isEqualTo(302);
        assertThat(scansOf(code)).singleElement().matches(s -> customer.equals(s.customer()));
    }

    @Test
    void anUnknownOrMalformedCodeIsANotFoundPageAndRecordsNothing() throws Exception {
        var client = HttpClient.newHttpClient();
        for (var code : List.of("NOSUCHCODE", "ab", "x".repeat(40), "%E4%B8%AD%E6%96%87", "a.b.c")) {
            var response = open(client, code, WECHAT);
            assertThat(response.statusCode()).as(code).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(code).startsWith("text/html");
        }
        assertThat(jdbc.sql("select count(*) from campaign_scan s join tracking_code c on c.id = s.code_id "
                + "where c.code = 'NOSUCHCODE'").query(Long.class).single()).isZero();
    }

    @Test
    void fortySimultaneousScansOfOneCodeMakeFortyScansAndTheCodeCountsForty() throws Exception {
        var merchant = fixtures.approvedMerchant("并发扫码");
        var store = fixtures.store(merchant, "并发门店", 31.23, 121.47, "火锅");
        var campaign = CampaignIntegrationTests.campaign(api, merchant, "并发");
        var created = CampaignIntegrationTests.code(api, merchant.ownerToken(), campaign,
                Map.of("channel", "POSTER", "target", "STORE", "storeId", store));
        var code = created.text("code");
        var client = HttpClient.newHttpClient();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var gate = new CountDownLatch(1);
            var results = new ArrayList<Future<Integer>>();
            IntStream.range(0, 40).forEach(i -> results.add(pool.submit(() -> {
                gate.await();
                return open(client, code, WECHAT).statusCode();
            })));
            gate.countDown();
            for (var result : results) assertThat(result.get()).isEqualTo(302);
        }
        assertThat(scansOf(code)).hasSize(40);
        var read = api.get("/api/v1/merchant/campaigns/" + campaign + "/tracking-codes/" + created.text("id"),
                merchant.ownerToken());
        assertThat(read.body().path("scans").asLong()).isEqualTo(40);
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign, merchant.ownerToken()).body().path("codes")
                .get(0).path("scans").asLong()).isEqualTo(40);
    }

    private String posterCode(String name) {
        var merchant = fixtures.approvedMerchant(name);
        var store = fixtures.store(merchant, name + "门店", 31.23, 121.47, "火锅");
        var campaign = CampaignIntegrationTests.campaign(api, merchant, name);
        return CampaignIntegrationTests.code(api, merchant.ownerToken(), campaign,
                Map.of("channel", "POSTER", "target", "STORE", "storeId", store)).text("code");
    }
}
