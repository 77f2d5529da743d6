package o2o.insights;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The owner's console home on a 360 px phone: the dashboard's charts drawn, its tiles in Chinese, the period picker. */
class DashboardBrowserTests extends BrowserTest {

    private boolean fitsTheScreen() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }

    @Test
    void theOwnerSeesChartsAndTilesOnTheConsoleHomeOnAPhone() {
        var merchant = fixtures.approvedMerchant("看板小馆");
        var store = fixtures.store(merchant, Fixtures.unique("看板小馆店"), 31.23, 121.47, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken()).text("secret");
        var sold = api.post("/api/v1/pos/sales", Map.of("posTransactionId", "B-1", "soldAt",
                clock.instant().minusSeconds(60).toString(), "lines", List.of(Map.of("name", "招牌红烧肉", "quantity", 2,
                        "unitPrice", 4800, "amount", 9600)), "total", 9600, "paymentMethod", "CASH"), key);
        org.assertj.core.api.Assertions.assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        Awaitility.await().until(() -> api.get("/api/v1/merchant/dashboard", merchant.ownerToken()).body()
                .path("totals").path("orders").asLong() == 1);

        page.setViewportSize(360, 780);
        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.navigate("/merchant");

        assertThat(page.locator("#kpi-gross")).containsText("销售额");
        assertThat(page.locator("#kpi-gross .kpi-value")).hasText("96.00");
        assertThat(page.locator("#kpi-orders")).containsText("订单数");
        assertThat(page.locator("#table-items")).containsText("招牌红烧肉");
        for (var chart : List.of("#chart-by-day", "#chart-share", "#chart-hours")) {
            page.waitForFunction("id => window.Chart && Chart.getChart(document.querySelector(id))", chart);
            org.assertj.core.api.Assertions.assertThat((Integer) page.locator(chart).evaluate("c => c.width"))
                    .as(chart + " drawn").isGreaterThan(0);
        }
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen()).as("no horizontal scroll at 360 px").isTrue();
        assertThat(page.locator("#to-campaigns")).isVisible();

        page.locator("#period-7").click();
        assertThat(page.locator("#period-7")).hasClass("button");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('#chart-hours'))");
        assertThat(page.locator("#kpi-orders .kpi-value")).hasText("1");
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen()).as("7 days at 360 px").isTrue();
    }
}
