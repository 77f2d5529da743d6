package o2o.profiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import o2o.testing.BrowserTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.PosSaleBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The member's page on a 360 px phone loads the profile facts and draws the chart of visits and spend by month. */
class MemberProfileBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerSeesAMembersFactsAndMonthlyChart() {
        var merchant = fixtures.approvedMerchant("画像浏览");
        var store = fixtures.store(merchant, Fixtures.unique("画像浏览店"), 31.23, 121.47, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken()).text("secret");
        var phone = Fixtures.uniquePhone();
        var customer = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "小王"),
                merchant.ownerToken()).text("customerId");
        for (var txn : new String[] {"M-1", "M-2"}) {
            var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale(txn, 8000, clock.instant().minusSeconds(60),
                    "CASH", Map.of("phone", phone)), key);
            org.assertj.core.api.Assertions.assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        }
        Drained.await(jdbc);

        page.setViewportSize(360, 780);
        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.navigate("/merchant/members/" + customer);

        assertThat(page.locator("#facts-lifetime")).containsText("累计");
        assertThat(page.locator("#facts-lifetime")).containsText("160.00");
        assertThat(page.locator("#facts-90")).containsText("2");
        assertThat(page.locator("#facts-average")).hasText("¥80.00");
        assertThat(page.locator("#facts-items")).containsText("啤酒 ×4");
        assertThat(page.locator("#facts-channels")).containsText("收银机");
        page.waitForFunction("() => typeof Chart !== 'undefined' && Chart.getChart('member-chart') !== undefined");
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
    }
}
