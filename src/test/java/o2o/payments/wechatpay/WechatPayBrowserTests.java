package o2o.payments.wechatpay;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.assertions.LocatorAssertions;
import o2o.payments.ProviderAccounts;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A customer on a phone pays a deal by WeChat Pay's QR code; the page moves on by itself once WeChat Pay notifies. */
class WechatPayBrowserTests extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions PATIENTLY =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    @Autowired FakeWechatPay fake;
    @Autowired ProviderAccounts accounts;
    @Autowired JsonMapper json;

    @Test
    void aCustomerBuysADealByWechatPayScansTheQrCodeAndLandsOnThePaidOrderWithItsVoucher() throws Exception {
        fake.appBaseUrl("http://127.0.0.1:" + port);
        var merchant = fixtures.approvedMerchant("微信支付小馆");
        var store = fixtures.store(merchant, Fixtures.unique("微信支付小馆一店"), 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 6800, 50, false, "ANYTIME");
        accounts.save(WechatPayIntegrationTests.owner(merchant), "wechatpay",
                json.valueToTree(fake.newMerchant(FakeWechatPay.Mode.PUBLIC_KEY).settings(fake)));

        page.navigate("/signin?next=/deals/" + deal);
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/deals/" + deal);
        page.locator("#buy-with-wechatpay").click();

        page.waitForURL("**/pay/wechatpay/**");
        assertThat(page.locator("#wechatpay-amount")).hasText("¥68.00");
        assertThat(page.locator("#wechatpay-qr")).isVisible();
        page.waitForFunction("() => document.querySelector('#wechatpay-qr').naturalWidth > 0");

        var paymentId = UUID.fromString(page.url().replaceAll(".*/pay/wechatpay/([0-9a-f-]{36}).*", "$1"));
        fake.pay(paymentId.toString().replace("-", ""));

        page.waitForURL(Pattern.compile(".*/me/orders/[0-9a-f-]{36}$"));
        assertThat(page.locator("#order-status-text")).hasText("已支付", PATIENTLY);
        page.locator("#order-vouchers").click();
        assertThat(page.locator(".voucher")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        assertThat(page.locator(".voucher .voucher-status")).hasText("可使用");
    }
}
