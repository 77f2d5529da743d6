package o2o.payments.wechatpay;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.assertions.LocatorAssertions;
import o2o.payments.ProviderAccounts;
import o2o.testing.Browser;
import o2o.testing.BrowserTest;
import o2o.testing.FakeWechat;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inside WeChat a customer signed in by WeChat (their openid verified by OAuth) pays a deal in WeChat's own cashier:
 * a JSAPI payment for that openid, whose signed parameters the page hands to WeixinJSBridge.
 */
class WechatPayInsideWechatBrowserTests extends BrowserTest {

    @Autowired FakeWechatPay fake;
    @Autowired FakeWechat wechat;
    @Autowired ProviderAccounts accounts;
    @Autowired JsonMapper json;

    @Test
    void aCustomerInsideWechatPaysByJsapiForTheOpenidWechatVouchedFor() throws Exception {
        fake.appBaseUrl("http://127.0.0.1:" + port);
        var merchant = fixtures.approvedMerchant("公众号小馆");
        var store = fixtures.store(merchant, Fixtures.unique("公众号小馆一店"), 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 3900, 50, false, "ANYTIME");
        accounts.save(WechatPayIntegrationTests.owner(merchant), "wechatpay",
                json.valueToTree(fake.newMerchant(FakeWechatPay.Mode.PUBLIC_KEY).settings(fake)));
        var user = FakeWechat.User.random("微信顾客");
        wechat.signInAs(user);

        try (var inside = Browser.insideWechat("http://127.0.0.1:" + port)) {
            var page = inside.newPage();
            // WeChat's bridge, as the WeChat app injects it; it records what the page asks to pay
            page.addInitScript("window.WeixinJSBridge = { invoke: function (name, params, done) {"
                    + " window.__paid = { name: name, params: params }; } };");
            page.navigate("/signin?next=/deals/" + deal);
            page.waitForURL(url -> url.contains("/signin?next="));
            enterSmsCode(page, Fixtures.uniquePhone());
            page.waitForURL("**/deals/" + deal);
            page.locator("#buy-with-wechatpay").click();

            page.waitForURL("**/pay/wechatpay/**");
            assertThat(page.locator("#wechatpay-amount")).hasText("¥39.00");
            assertThat(page.locator("#wechatpay-qr")).hasCount(0);
            var paymentId = UUID.fromString(page.url().replaceAll(".*/pay/wechatpay/([0-9a-f-]{36}).*", "$1"));
            var outTradeNo = paymentId.toString().replace("-", "");
            org.assertj.core.api.Assertions.assertThat(fake.order(outTradeNo).payerOpenid()).isEqualTo(user.openid());

            page.locator("#wechatpay-bridge").click();
            page.waitForFunction("() => window.__paid && window.__paid.name === 'getBrandWCPayRequest'");
            var pkg = (String) page.evaluate("() => window.__paid.params.package");
            org.assertj.core.api.Assertions.assertThat(pkg).startsWith("prepay_id=");

            fake.pay(outTradeNo);
            page.waitForURL(Pattern.compile(".*/me/orders/[0-9a-f-]{36}$"));
            assertThat(page.locator("#order-status-text")).hasText("已支付",
                    new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        }
    }
}
