package o2o.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The loop on phones: a customer scans a poster, signs in, buys its deal and pays; staff redeem the voucher; the
 * campaign's results page shows the order and the redemption, with its charts, at 360 px.
 */
class CampaignResultsBrowserTests extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions PATIENTLY =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    private static boolean fitsTheScreen(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }

    private static void signIn(Page page, String username) {
        page.navigate("/staff/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill("password-1");
        page.locator("#staff-submit").click();
        page.waitForURL(url -> !url.contains("/staff/login"));
    }

    @Test
    void aPostersScanSignInPurchaseAndRedemptionShowOnTheCampaignsResults() {
        var merchant = fixtures.approvedMerchant("闭环商户");
        var store = fixtures.store(merchant, "闭环商户 · 南京西路店", 31.23, 121.46, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 6800, 50, false, "ANYTIME");
        var today = LocalDate.now(clock.withZone(ResultsPeriod.ZONE));
        var body = CampaignIntegrationTests.campaignBody("地铁海报 · 人民广场站");
        body.put("startsOn", today.minusDays(1).toString());
        body.put("endsOn", today.plusDays(1).toString());
        var campaign = api.post("/api/v1/merchant/campaigns", body, merchant.ownerToken()).text("id");
        var code = CampaignIntegrationTests.code(api, merchant.ownerToken(), campaign,
                Map.of("channel", "POSTER", "target", "DEAL", "targetId", deal)).text("code");
        var cashier = Fixtures.unique("cashier");
        org.assertj.core.api.Assertions.assertThat(api.post("/api/v1/merchant/staff", Map.of("username", cashier,
                "password", "password-1", "displayName", "收银", "role", "CASHIER", "storeIds", Set.of(store)),
                merchant.ownerToken()).status()).isEqualTo(201);

        page.setViewportSize(360, 780);
        page.navigate("/c/" + code);
        page.waitForURL("**/deals/" + deal);
        page.locator("#signin-to-buy").click();
        page.waitForURL("**/signin?next=**");
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/deals/" + deal);
        page.locator("#buy").click();
        page.waitForURL("**/sandbox/pay/**");
        page.locator("#sandbox-confirm").click();
        page.waitForURL(Pattern.compile(".*/me/orders/[0-9a-f-]{36}$"));
        assertThat(page.locator("#order-status-text")).hasText("已支付", PATIENTLY);
        page.locator("#order-vouchers").click();
        var voucher = page.locator(".voucher-code").first();
        assertThat(voucher).hasText(Pattern.compile("^\\d{4} \\d{4} \\d{4}$"), new LocatorAssertions.HasTextOptions()
                .setTimeout(20_000));
        var voucherCode = voucher.textContent().replace(" ", "");

        var counter = newPhone().newPage();
        signIn(counter, cashier);
        counter.navigate("/merchant/redeem");
        counter.locator("#code").fill(voucherCode);
        counter.locator("#redeem-submit").click();
        assertThat(counter.locator("#redeem-outcome")).hasClass("outcome ok");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/merchant/campaigns/" + campaign
                + "/results", merchant.ownerToken()).body().path("totals").path("redemptions").asLong() == 1);
        var office = newPhone().newPage();
        office.setViewportSize(360, 780);
        signIn(office, merchant.ownerUsername());
        office.navigate("/merchant/campaigns/" + campaign);
        office.locator("#campaign-results").click();
        office.waitForURL("**/merchant/campaigns/" + campaign + "/results");
        assertThat(office.locator("#total-orders")).hasText("1");
        assertThat(office.locator("#total-redemptions")).hasText("1");
        assertThat(office.locator("#total-revenue")).hasText("¥68.00");
        assertThat(office.locator("#total-sign-ins")).hasText("1");
        assertThat(office.locator("#funnel-redeemed")).hasText("1");
        assertThat(office.locator("#by-codes")).containsText(code);
        assertThat(office.locator("#by-stores")).containsText("闭环商户 · 南京西路店");
        assertThat(office.locator("#by-stores")).containsText("未指定门店");
        office.waitForFunction("() => typeof Chart !== 'undefined'"
                + " && Chart.getChart(document.getElementById('chart-days')) !== undefined"
                + " && Chart.getChart(document.getElementById('chart-funnel')) !== undefined");
        org.assertj.core.api.Assertions.assertThat(fitsTheScreen(office)).as("results at 360 px").isTrue();

        var csv = office.request().get(office.locator("#csv-codes").getAttribute("href"));
        org.assertj.core.api.Assertions.assertThat(csv.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        org.assertj.core.api.Assertions.assertThat(csv.text()).contains("扫码").contains("\"" + code + "\"")
                .contains("68.00");
    }
}
