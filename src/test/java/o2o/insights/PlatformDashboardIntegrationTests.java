package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The operator's dashboard and merchant list add up every merchant's sales; only the operator sees them. */
class PlatformDashboardIntegrationTests extends ApiTest {

    @Test
    void aSaleAddsToTheMerchantsRowTheChannelTheCityAndThePlatformsTotals() {
        var name = Fixtures.unique("平台看板商户");
        var merchant = fixtures.approvedMerchant(name);
        var store = fixtures.store(merchant, Fixtures.unique("平台店"), 31.2, 121.4, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken()).text("secret");
        Awaitility.await().until(() -> row(name) != null);
        var before = platform().path("current");

        var sold = api.post("/api/v1/pos/sales", Map.of("posTransactionId", "P-1", "soldAt",
                clock.instant().minusSeconds(60).toString(), "lines", List.of(Map.of("name", "套餐", "quantity", 1,
                        "unitPrice", 12300, "amount", 12300)), "total", 12300, "paymentMethod", "CASH"), key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> row(name).path("orders").asLong() == 1);
        var mine = row(name);
        assertThat(mine.path("gmvMinor").asLong()).isEqualTo(12300);
        var after = platform();
        assertThat(after.path("current").path("gmvMinor").asLong() - before.path("gmvMinor").asLong())
                .as("no other sale landed meanwhile in this test's run").isGreaterThanOrEqualTo(12300);
        assertThat(after.path("current").path("storesActive").asLong()).isPositive();
        assertThat(after.path("byCity").toString()).contains("上海");
        assertThat(after.path("byChannel").toString()).contains("POS");

        var operator = new WebSession(port).signInAsStaff("operator", "operator-pass");
        var page = operator.get("/admin/dashboard/merchants?q=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(name).contains("123.00");
        assertThat(operator.get("/admin").body()).contains("hx-get=\"/admin/dashboard\"");
        assertThat(operator.get("/admin/dashboard?days=7").body()).contains("id=\"platform-kpi-gmv\"");
    }

    @Test
    void onlyTheOperatorSeesItAndBadInputIs400() {
        var merchant = fixtures.approvedMerchant("平台看板越权");
        assertThat(api.get("/api/v1/admin/dashboard", merchant.ownerToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/dashboard/merchants", merchant.ownerToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/dashboard").status()).isEqualTo(401);
        var operator = fixtures.operatorToken();
        for (var bad : Map.of("/api/v1/admin/dashboard?from=2026-02-10&to=2026-02-01", "to",
                "/api/v1/admin/dashboard?from=nope", "from",
                "/api/v1/admin/dashboard/merchants?cursor=nope", "cursor",
                "/api/v1/admin/dashboard/merchants?q=" + "长".repeat(101), "q").entrySet()) {
            var answer = api.get(bad.getKey(), operator);
            assertThat(answer.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(answer.text("field")).as(answer.raw()).isEqualTo(bad.getValue());
        }
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        assertThat(owner.get("/admin/dashboard").status()).isEqualTo(403);
    }

    private JsonNode platform() {
        var answer = api.get("/api/v1/admin/dashboard", fixtures.operatorToken());
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode row(String name) {
        var answer = api.get("/api/v1/admin/dashboard/merchants?q=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8), fixtures.operatorToken());
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().path("items").isEmpty() ? null : answer.body().path("items").get(0);
    }
}
