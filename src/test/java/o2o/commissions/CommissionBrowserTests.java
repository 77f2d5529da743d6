package o2o.commissions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import o2o.commissions.persistence.PendingCommissions;
import o2o.ledger.Ledger;
import o2o.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner's commission page on a 360 px phone: the totals, the chart drawn, the day and taker tables. */
class CommissionBrowserTests extends BrowserTest {

    @Autowired
    PendingCommissions pending;
    @Autowired
    Ledger ledger;

    private boolean fitsTheScreen() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }

    @Test
    void theOwnerSeesTheCommissionChargedPerDayAndPerTakerOnAPhone() {
        var world = new CommissionWorld(api, fixtures, pending, ledger);
        var mall = world.shop("页面商场");
        var shop = world.shop("页面佣金小馆");
        world.rate(null, shop.id(), null, 500);
        world.rate(mall.id(), shop.id(), null, 1000);
        var bought = world.buy(world.deal(shop, 4000), 2);
        world.counted();
        world.refund(bought, 0);
        world.counted();

        page.setViewportSize(360, 780);
        signInAsStaff(shop.merchant().ownerUsername(), "password-1");
        page.navigate("/merchant");
        assertThat(page.locator("#to-commission")).isVisible();
        page.locator("#to-commission").click();

        assertThat(page.locator("h2")).hasText("佣金");
        assertThat(page.locator("#total-orders")).hasText("1");
        assertThat(page.locator("#total-gross")).hasText("80.00");
        assertThat(page.locator("#total-charged")).hasText("12.00");
        assertThat(page.locator("#total-reversed")).hasText("6.00");
        assertThat(page.locator("#total-net")).hasText("6.00");
        assertThat(page.locator(".commission-day")).hasCount(1);
        assertThat(page.locator(".commission-taker")).hasCount(2);
        assertThat(page.locator(".commission-taker").first()).containsText("平台");
        assertThat(page.locator(".commission-taker").nth(1)).containsText("页面商场");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('#chart-commission'))");
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen()).as("no horizontal scroll at 360 px").isTrue();

        page.locator("#period-7").click();
        assertThat(page.locator("#period-7")).hasClass("button");
        assertThat(page.locator("#total-charged")).hasText("12.00");
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen()).as("7 days at 360 px").isTrue();

        context.clearCookies();
        signInAsStaff(mall.merchant().ownerUsername(), "password-1");
        page.navigate("/merchant/commission");
        assertThat(page.locator(".commission-earning")).hasCount(1);
        assertThat(page.locator(".commission-earning")).containsText("页面佣金小馆");
        assertThat(page.locator(".commission-earning .net")).hasText("4.00");
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen()).as("the mall's page at 360 px").isTrue();
    }
}
