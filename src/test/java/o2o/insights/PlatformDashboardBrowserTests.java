package o2o.insights;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The operator's console home on a 360 px phone: the platform's tiles in Chinese and the merchant search. */
class PlatformDashboardBrowserTests extends BrowserTest {

    @Test
    void theOperatorSeesThePlatformTilesAndFindsAMerchantByName() {
        var name = Fixtures.unique("平台搜索商户");
        fixtures.approvedMerchant(name);
        page.setViewportSize(360, 780);
        signInAsStaff("operator", "operator-pass");
        page.navigate("/admin");

        assertThat(page.locator("#platform-kpi-gmv")).containsText("交易额");
        assertThat(page.locator("#platform-kpi-merchants-active")).containsText("活跃商户");
        page.locator("#merchant-search").fill(name);
        assertThat(page.locator("#merchant-list .platform-merchant")).hasCount(1);
        assertThat(page.locator("#merchant-list")).containsText(name);
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as("fits 360 px").isTrue();
    }
}
