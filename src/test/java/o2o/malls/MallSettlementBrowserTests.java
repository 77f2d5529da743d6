package o2o.malls;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.shared.Ids;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mall operator goes from the mall console to the program and on to the settlement, closes last month, sees each
 * tenant's net on the chart and in the table, and marks one payout paid with the bank's reference.
 */
class MallSettlementBrowserTests extends BrowserTest {

    @Autowired
    Ledger ledger;

    @Test
    void theOperatorClosesLastMonthSeesTheChartAndMarksAPayoutPaid() {
        var mall = new MallFixtures(api, fixtures).mall("结算页", 2);
        var owed = mall.tenants().get(0).merchant();
        var owing = mall.tenants().get(1).merchant();
        var target = StatementMonth.last(clock).value().atDay(15).atTime(12, 0).atZone(StatementMonth.ZONE).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
        try {
            due(mall, owed, 12_300);
            due(mall, owing, -4_500);
        } finally {
            clock.reset();
        }

        signInAsStaff(mall.operator().ownerUsername(), "password-1");
        page.navigate("/merchant/mall");
        page.locator("#to-mall-membership").click();
        page.waitForURL("**/merchant/mall/program");
        assertThat(page.locator("#program-rules")).isVisible();
        page.locator("#to-settlement").click();
        page.waitForURL("**/merchant/mall/settlement");
        page.locator("#close-month").click();
        assertThat(page.locator("#settlement-notice")).hasText("已生成结算单");
        assertThat(page.locator("tr.statement")).hasCount(2);
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('#settlement-chart'))");
        for (var net : List.of("123.00", "-45.00")) {
            assertThat(page.locator("tr.statement .statement-net").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText(net))).hasCount(1);
        }

        var row = page.locator("tr.statement").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("123.00"));
        row.locator("input[name=reference]").fill("ICBC-BROWSER-1");
        row.locator(".pay-form button").click();
        assertThat(page.locator("#settlement-notice")).hasText("已标记为已付款");
        assertThat(page.locator(".statement-paid")).hasText("已付款（ICBC-BROWSER-1）");
        assertThat(page.locator(".pay-form")).hasCount(1);
        var statements = api.get("/api/v1/merchant/mall-statements", owed.ownerToken()).body();
        assertThat(statements.get(0).path("payout").path("status").asString()).isEqualTo("PAID");
    }

    private void due(MallFixtures.MallFixture mall, Fixtures.MerchantFixture tenant, long minor) {
        var owner = mall.operator().id();
        var due = ledger.account(new AccountKey("MALL_COUPON_DUE", "merchant:" + tenant.id(), "mall:" + mall.id(),
                "CNY"), tenant.id(), true);
        var cost = ledger.account(new AccountKey("MALL_COUPON_COST", "merchant:" + owner, "mall:" + mall.id(), "CNY"),
                owner, true);
        ledger.post("test:" + Ids.next(), "商场券", owner, List.of(new Posting(due.id(), minor),
                new Posting(cost.id(), -minor)));
    }
}
