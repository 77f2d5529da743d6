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

/** The segment builder on a 360 px phone: the count follows the conditions as they are chosen, and saving lists it. */
class SegmentBuilderBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBuilderCountsMembersLiveAndSavesTheSegment() {
        var merchant = fixtures.approvedMerchant("分群浏览");
        var store = fixtures.store(merchant, Fixtures.unique("分群浏览店"), 31.23, 121.47, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken()).text("secret");
        for (int i = 0; i < 3; i++) {
            var phone = Fixtures.uniquePhone();
            api.post("/api/v1/merchant/members", Map.of("phone", phone), merchant.ownerToken());
            var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale("B-" + i, 1000L * (i + 1),
                    clock.instant().minusSeconds(60), "CASH", Map.of("phone", phone)), key);
            org.assertj.core.api.Assertions.assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        }
        Drained.await(jdbc);

        page.setViewportSize(360, 780);
        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.navigate("/merchant/segments");
        page.selectOption("#segment-field-0", "spend");
        page.selectOption("#segment-op-0", "gte");
        page.fill("#segment-value-0", "2000");
        page.locator("#segment-value-0").dispatchEvent("change");
        assertThat(page.locator("#segment-count")).hasText("共 2 位会员");
        page.fill("#segment-value-0", "3000");
        page.locator("#segment-value-0").dispatchEvent("change");
        assertThat(page.locator("#segment-count")).hasText("共 1 位会员");
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

        page.fill("#segment-name", "大客");
        page.click("#segment-save");
        assertThat(page.locator("#segment-list")).containsText("大客");
        assertThat(page.locator("#segment-list")).containsText("共 1 位会员");
    }
}
