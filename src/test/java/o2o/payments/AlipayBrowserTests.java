package o2o.payments;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.assertions.LocatorAssertions;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.payments.alipay.FakeAlipay;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A customer pays for a deal with Alipay on a phone: off to Alipay's cashier (the local fake) and back. */
class AlipayBrowserTests extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions PATIENTLY =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    @Autowired
    FakeAlipay alipay;

    @Autowired
    ProviderAccounts accounts;

    @Autowired
    JsonMapper json;

    @Test
    void aCustomerChoosesAlipayPaysAtItsCashierAndComesBackToAPaidOrderWithItsVoucher() {
        var merchant = fixtures.approvedMerchant("支付宝小馆");
        var store = fixtures.store(merchant, Fixtures.unique("支付宝小馆一店"), 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 6800, 50, false, "ANYTIME");
        accounts.save(new StaffPrincipal(UUID.randomUUID(), merchant.ownerUsername(), merchant.id(), Role.OWNER, Set.of()),
                "alipay", json.valueToTree(alipay.newApp(false).settings()));

        page.navigate("/signin?next=/deals/" + deal);
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/deals/" + deal);
        page.locator("#buy-with-alipay").click();

        page.waitForURL(url -> url.startsWith(alipay.gatewayUrl()));
        assertThat(page.locator("#alipay-amount")).hasText("¥68.00");
        page.locator("#alipay-pay").click();

        page.waitForURL(Pattern.compile(".*/me/orders/[0-9a-f-]{36}(\\?.*)?$"));
        assertThat(page.locator("#order-status-text")).hasText("已支付", PATIENTLY);
        assertThat(page.locator("#order-total")).hasText("¥68.00");
        page.locator("#order-vouchers").click();
        assertThat(page.locator(".voucher")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        assertThat(page.locator(".voucher .voucher-status")).hasText("可使用");
    }
}
