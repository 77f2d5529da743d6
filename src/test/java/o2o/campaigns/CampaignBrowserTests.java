package o2o.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import o2o.testing.BrowserTest;
import org.junit.jupiter.api.Test;

/** A poster's short link on a 360 px phone, and an owner making a campaign, a code and its poster in the console. */
class CampaignBrowserTests extends BrowserTest {

    private boolean fitsTheScreen() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }

    @Test
    void scanningAPostersShortLinkLandsOnTheStorePageWithoutSidewaysScroll() {
        var merchant = fixtures.approvedMerchant("扫码落地");
        var store = fixtures.store(merchant, "扫码落地 · 静安寺店", 31.23, 121.47, "火锅");
        var campaign = CampaignIntegrationTests.campaign(api, merchant, "秋季海报");
        var code = CampaignIntegrationTests.code(api, merchant.ownerToken(), campaign,
                Map.of("channel", "POSTER", "target", "STORE", "storeId", store));
        page.setViewportSize(360, 780);

        page.navigate("/c/" + code.text("code"));

        page.waitForURL("**/stores/" + store);
        assertThat(page.locator("h1")).containsText("扫码落地 · 静安寺店");
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen()).as("no horizontal scroll at 360 px").isTrue();
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/merchant/campaigns/" + campaign
                + "/tracking-codes/" + code.text("id"), merchant.ownerToken()).body().path("scans").asLong())
                .isEqualTo(1);
    }

    @Test
    void anOwnerCreatesACampaignAddsACodeAndOpensItsPrintablePoster() {
        var merchant = fixtures.approvedMerchant("海报商户");
        fixtures.store(merchant, "海报商户 · 徐家汇店", 31.19, 121.43, "咖啡");
        page.setViewportSize(360, 780);
        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.navigate("/merchant");
        page.locator("#to-campaigns").click();
        assertThat(page.locator("#no-campaigns")).isVisible();

        page.locator("#campaign-name").fill("国庆地推");
        page.locator("#campaign-starts").fill("2027-10-07");
        page.locator("#campaign-ends").fill("2027-10-01");
        page.locator("#create-campaign").click();
        assertThat(page.locator("#errors")).containsText("endsOn");
        assertThat(page.locator("#no-campaigns")).isVisible();

        page.locator("#campaign-starts").fill("2027-10-01");
        page.locator("#campaign-ends").fill("2027-10-07");
        page.locator("#campaign-cost").fill("1200.50");
        page.locator("#create-campaign").click();
        assertThat(page.locator("#campaign-title")).hasText("国庆地推");
        assertThat(page.locator("#notice")).containsText("活动已创建");
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen()).as("details at 360 px").isTrue();

        page.locator("#code-channel").selectOption("FLYER");
        page.locator("#code-target").selectOption("STORE");
        page.locator("#code-store").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("海报商户 · 徐家汇店"));
        page.locator("#code-label").fill("地铁口传单");
        page.locator("#add-code").click();
        var code = page.locator(".tracking-code");
        assertThat(code).hasCount(1);
        assertThat(code).containsText("传单");
        assertThat(code).containsText("扫码 0 次");
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen()).as("codes at 360 px").isTrue();

        code.locator(".code-poster").click();
        assertThat(page.locator(".poster-campaign")).hasText("国庆地推");
        assertThat(page.locator("#poster-store")).hasText("海报商户 · 徐家汇店");
        assertThat(page.locator(".poster-hint")).containsText("微信扫一扫");
        assertThat(page.locator("#poster-link")).containsText("/c/");
        page.locator("#poster-qr").evaluate("img => img.decode()");
        org.assertj.core.api.Assertions.assertThat((Integer) page.locator("#poster-qr")
                .evaluate("img => img.naturalWidth")).as("the QR image loaded").isGreaterThan(0);
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen()).as("poster at 360 px").isTrue();
    }
}
