package o2o.deals;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import o2o.testing.Browser;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A customer buys a deal on a phone and holds its vouchers; a merchant puts a deal on sale from the console. */
class DealPagesBrowserTests extends BrowserTest {

    /** Paying is asynchronous (the gateway's webhook, then the vouchers): allow it a while. */
    private static final LocatorAssertions.HasTextOptions PATIENTLY =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    @Test
    void aCustomerBuysTwoPaysOnTheGatewayAndGetsTwoVouchersWithQrCodes() {
        var merchant = fixtures.approvedMerchant("团购小馆");
        var store = fixtures.store(merchant, Fixtures.unique("团购小馆一店"), 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 6800, 50, false, "ANYTIME");
        var title = api.get("/api/v1/deals/" + deal).text("title");

        page.navigate("/deals/" + deal);
        assertThat(page.locator("#deal-title")).containsText(title);
        assertThat(page.locator("#deal-price")).hasText("¥68.00");
        assertThat(page.locator("#deal-original")).hasText("¥136.00");
        assertThat(page.locator("#deal-includes")).containsText("招牌红烧肉");
        assertThat(page.locator("#deal-refund")).containsText("随时退");

        page.locator("#signin-to-buy").click();
        page.waitForURL("**/signin?next=**");
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/deals/" + deal);

        page.locator("[data-step='1']").click();
        assertThat(page.locator("#quantity")).hasValue("2");
        page.locator("#buy").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥136.00");

        page.locator("#sandbox-confirm").click();
        page.waitForURL(Pattern.compile(".*/me/orders/[0-9a-f-]{36}$"));
        assertThat(page.locator("#order-status-text")).hasText("已支付", PATIENTLY);
        assertThat(page.locator("#order-total")).hasText("¥136.00");

        page.locator("#order-vouchers").click();
        var vouchers = page.locator(".voucher");
        assertThat(vouchers).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        for (int i = 0; i < 2; i++) {
            assertThat(vouchers.nth(i).locator(".voucher-code")).hasText(Pattern.compile("^\\d{4} \\d{4} \\d{4}$"));
            assertThat(vouchers.nth(i).locator(".voucher-status")).hasText("可使用");
        }
        assertThat(page.locator(".qr-image")).hasCount(2);
        page.waitForFunction("() => [...document.querySelectorAll('.qr-image')]"
                + ".every(img => img.complete && img.naturalWidth > 0)");
    }

    @Test
    void whatStopsAPurchaseIsSaidOnTheDealPage() {
        var merchant = fixtures.approvedMerchant("秒杀小馆");
        var store = fixtures.store(merchant, Fixtures.unique("秒杀小馆"), 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 990, 5, true, "NO_REFUND");

        page.navigate("/signin?next=/deals/" + deal);
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/deals/" + deal);
        assertThat(page.locator("#deal-stock")).hasText("仅剩 5 份");
        assertThat(page.locator("#deal-refund")).hasText("不支持退款");

        page.locator("#buy").click();
        page.waitForURL("**/sandbox/pay/**");
        page.navigate("/deals/" + deal);
        assertThat(page.locator("#deal-stock")).hasText("仅剩 4 份");
        page.locator("#buy").click();
        page.waitForURL("**/deals/" + deal);
        assertThat(page.locator("#deal-problem")).hasText("每人限购 1 份");
    }

    @Test
    void aMerchantPutsADealOnSaleFromTheConsoleAndItShowsOnTheStorePage() {
        var merchant = fixtures.approvedMerchant("控制台团购");
        var storeName = Fixtures.unique("控制台团购店");
        var store = fixtures.store(merchant, storeName, 31.2, 121.4, "火锅");

        page.navigate("/staff/login");
        page.locator("#username").fill(merchant.ownerUsername());
        page.locator("#password").fill("password-1");
        page.locator("#staff-submit").click();
        page.waitForURL("**/merchant");
        page.locator("#to-deals").click();
        page.locator("#new-deal").click();

        var title = Fixtures.unique("四人火锅套餐");
        page.locator("input[name=title]").fill(title);
        page.locator("textarea[name=includes]").fill("鸳鸯锅底\n肥牛 x2\n时蔬拼盘");
        page.locator("input[name=price]").fill("188.8");
        page.locator("input[name=originalPrice]").fill("258");
        assertThat(page.locator("input[name=storeIds][value='" + store + "']")).isChecked();
        page.locator("input[name=stock]").fill("30");
        page.locator("select[name=refundPolicy]").selectOption("AUTO_ON_EXPIRY");
        page.locator("#save-deal").click();

        assertThat(page.locator("#saved")).containsText(title);
        assertThat(page.locator("#deals")).containsText(title);
        assertThat(page.locator("#deals")).containsText("¥188.80");
        assertThat(page.locator("#deals")).containsText("已售 0 / 30");

        var customer = Browser.phone("http://127.0.0.1:" + port);
        try {
            var phone = customer.newPage();
            phone.navigate("/stores/" + store);
            var card = phone.locator("#store-deals .deal-card", new Page.LocatorOptions().setHasText(title));
            assertThat(card).containsText("¥188.80");
            assertThat(card).containsText("¥258.00");
            card.click();
            assertThat(phone.locator("#deal-title")).containsText(title);
            assertThat(phone.locator("#deal-includes")).containsText("肥牛 x2");
            assertThat(phone.locator("#deal-refund")).containsText("过期自动退");
        } finally {
            customer.close();
        }
    }
}
