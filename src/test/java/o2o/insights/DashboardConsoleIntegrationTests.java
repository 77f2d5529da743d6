package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The dashboard page's CSV downloads, and who may open the page. */
class DashboardConsoleIntegrationTests extends ApiTest {

    @Test
    void everyTableDownloadsAsCsvWithChineseHeadersAndTheFiguresShown() {
        var merchant = fixtures.approvedMerchant("导出小馆");
        var store = fixtures.store(merchant, Fixtures.unique("导出店"), 31.2, 121.4, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken()).text("secret");
        api.post("/api/v1/pos/sales", Map.of("posTransactionId", "E-1", "soldAt",
                clock.instant().minusSeconds(60).toString(), "lines", List.of(Map.of("name", "=酸梅汤", "quantity", 3,
                        "unitPrice", 800, "amount", 2400)), "total", 2400, "paymentMethod", "CASH"), key);
        Awaitility.await().until(() -> api.get("/api/v1/merchant/dashboard", merchant.ownerToken()).body()
                .path("totals").path("orders").asLong() == 1);
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");

        var items = owner.get("/merchant/dashboard.csv?table=items");
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.body()).contains("\"商品\",\"数量\",\"金额（元）\"").contains("\"'=酸梅汤\",\"3\",\"24.00\"");
        assertThat(owner.get("/merchant/dashboard.csv?table=channels").body()).contains("\"收银机\",\"1\",\"24.00\"");
        assertThat(owner.get("/merchant/dashboard.csv?table=days").body()).contains("\"收银机\",\"1\",\"24.00\"");
        assertThat(owner.get("/merchant/dashboard.csv?table=secrets").status()).isEqualTo(400);
        assertThat(owner.get("/merchant/dashboard?days=12").status()).isEqualTo(400);
        assertThat(owner.get("/merchant/dashboard?days=7").body()).contains("id=\"kpi-gross\"");
    }

    @Test
    void cashiersKeepTheConsoleHomeWithoutTheDashboard() {
        var merchant = fixtures.approvedMerchant("收银小馆");
        var store = fixtures.store(merchant, Fixtures.unique("收银店"), 31.2, 121.4, "火锅");
        var username = Fixtures.unique("cashier");
        assertThat(api.post("/api/v1/merchant/staff", Map.of("username", username, "password", "password-1",
                "displayName", "收银", "role", Role.CASHIER.name(), "storeIds", Set.of(store)),
                merchant.ownerToken()).status()).isEqualTo(201);
        var cashier = new WebSession(port).signInAsStaff(username, "password-1");
        var home = cashier.get("/merchant");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"to-redeem\"").doesNotContain("/merchant/dashboard");
        assertThat(cashier.get("/merchant/dashboard").status()).isEqualTo(403);
        assertThat(cashier.get("/merchant/dashboard.csv?table=items").status()).isEqualTo(403);
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        assertThat(owner.get("/merchant").body()).contains("hx-get=\"/merchant/dashboard\"");
    }
}
