package o2o.payments;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import o2o.payments.alipay.FakeAlipay;
import o2o.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner sets up Alipay on a phone: pastes the app's keys into the console's form, saves, and sees it on. */
class PaymentConsoleBrowserTests extends BrowserTest {

    @Autowired
    FakeAlipay alipay;

    @Test
    void anOwnerPastesAlipayKeysOnAPhoneAndSeesTheGatewayOn() {
        var merchant = fixtures.approvedMerchant("手机收款小馆");
        var settings = alipay.newApp(false).settings();
        page.setViewportSize(360, 740);
        signInAsStaff(merchant.ownerUsername(), "password-1");

        page.locator("#to-payments").click();
        assertThat(page.locator("#alipay-state")).hasText("未设置");
        page.locator("#alipay-appId").fill(settings.get("appId"));
        page.locator("#alipay-sellerId").fill(settings.get("sellerId"));
        page.locator("#alipay-appPrivateKey").fill(settings.get("appPrivateKey"));
        page.locator("#alipay-mode-PUBLIC_KEY").check();
        page.locator("#alipay-alipayPublicKey").fill(settings.get("alipayPublicKey"));
        assertThat(fitsTheScreen()).as("the filled form is no wider than the phone").isTrue();
        page.locator("#alipay-save").click();

        assertThat(page.locator("#payments-saved")).hasText("支付宝的收款账户已保存");
        assertThat(page.locator("#alipay-state")).hasText("已开启");
        assertThat(page.locator("#alipay-shown")).containsText(settings.get("appId"));
        assertThat(page.locator("#alipay-shown")).containsText(settings.get("sellerId"));
        assertThat(page.locator("#alipay-appPrivateKey")).hasValue("");
        assertThat(page.content()).doesNotContain(settings.get("appPrivateKey").substring(100, 140));
        assertThat(fitsTheScreen()).as("no horizontal scroll at 360 px").isTrue();
    }

    private boolean fitsTheScreen() {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }
}
