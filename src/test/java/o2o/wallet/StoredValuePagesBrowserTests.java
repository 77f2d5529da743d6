package o2o.wallet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.assertions.LocatorAssertions;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A member tops up online and pays a deal with the balance; a cashier tops a member up and charges a bill. */
class StoredValuePagesBrowserTests extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions PATIENTLY =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    Fixtures.MerchantFixture merchantWithRules() {
        var merchant = fixtures.approvedMerchant("储值火锅");
        var rules = api.put("/api/v1/merchant/wallet/rules",
                Map.of("bonusByThreshold", Map.of("50000", 5000, "100000", 12000)), merchant.ownerToken());
        org.assertj.core.api.Assertions.assertThat(rules.status()).isEqualTo(200);
        return merchant;
    }

    @Test
    void aCustomerTopsUpFiveHundredOnlineGetsFiveHundredFiftyAndPaysADealWithIt() {
        var merchant = merchantWithRules();
        var store = fixtures.store(merchant, Fixtures.unique("储值火锅一店"), 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 16800, null, false, "ANYTIME");

        page.navigate("/signin?next=/deals/" + deal);
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/deals/" + deal);
        assertThat(page.locator("#top-up-link")).hasText("充值储值，享充值赠送");
        page.locator("#top-up-link").click();
        page.waitForURL("**/me/wallet/top-up?merchantId=**");
        assertThat(page.locator("#top-up-rules")).containsText("充 500.00 得 550.00");
        page.locator("#top-up-amount").fill("500");
        assertThat(page.locator("#top-up-bonus")).hasText("支付 ¥500.00，赠送 ¥50.00，到账 ¥550.00");
        page.locator("#top-up-pay").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥500.00");
        page.locator("#sandbox-confirm").click();
        page.waitForURL(Pattern.compile(".*/me/wallet/top-ups/[0-9a-f-]{36}$"));
        assertThat(page.locator("#top-up-new-balance")).hasText("余额 ¥550.00（本金 ¥500.00，赠送 ¥50.00）", PATIENTLY);

        page.navigate("/me/wallet");
        assertThat(page.locator("#stored-value-" + merchant.id() + " .stored-value-total")).hasText("¥550.00");
        page.navigate("/deals/" + deal);
        assertThat(page.locator("#buy-with-wallet")).hasText("用储值支付（余额 ¥550.00）");
        page.locator("#buy-with-wallet").click();
        page.waitForURL(Pattern.compile(".*/me/orders/[0-9a-f-]{36}$"));
        assertThat(page.locator("#order-status-text")).hasText("已支付", PATIENTLY);
        page.navigate("/me/wallet");
        var wallet = page.locator("#stored-value-" + merchant.id());
        assertThat(wallet.locator(".stored-value-total")).hasText("¥382.00");
        assertThat(wallet.locator(".stored-value-principal")).hasText("本金 ¥332.00");
        assertThat(wallet.locator(".stored-value-bonus")).hasText("赠送 ¥50.00");
    }

    @Test
    void aCashierTopsUpAMemberAtTheCounterAndChargesABillToTheBalance() {
        var merchant = merchantWithRules();
        var store = fixtures.store(merchant, Fixtures.unique("储值火锅二店"), 31.2, 121.4, "火锅");
        var username = Fixtures.unique("cashier");
        api.post("/api/v1/merchant/staff", Map.of("username", username, "password", "password-1", "displayName", "收银",
                "role", "CASHIER", "storeIds", List.of(store)), merchant.ownerToken());
        var phone = Fixtures.uniquePhone();
        fixtures.customerToken(phone);

        signInAsStaff(username, "password-1");
        page.navigate("/merchant");
        page.locator("#to-stored-value").click();
        page.waitForURL("**/merchant/wallet");
        page.locator("#lookup-phone").fill(phone);
        page.locator("#lookup").click();
        assertThat(page.locator("#member-no-balance")).hasText("还没有储值");

        page.locator("#counter-top-up-amount").fill("1000");
        page.locator("#counter-top-up-method").selectOption("CARD");
        page.locator("#counter-top-up-submit").click();
        assertThat(page.locator("#counter-done")).hasText("充值成功。余额：本金 ¥1000.00，赠送 ¥120.00");
        assertThat(page.locator("#member-balance")).hasText("余额 ¥1120.00（本金 ¥1000.00，赠送 ¥120.00）");

        page.locator("#counter-charge-amount").fill("1050");
        page.locator("#counter-charge-note").fill("8 号桌");
        page.locator("#counter-charge-submit").click();
        assertThat(page.locator("#counter-done")).hasText("已扣款 ¥1050.00（本金 ¥1000.00，赠送 ¥50.00）");
        assertThat(page.locator("#member-balance")).hasText("余额 ¥70.00（本金 ¥0.00，赠送 ¥70.00）");
        assertThat(page.locator("#member-wallet")).containsText("储值消费：8 号桌");

        page.locator("#counter-charge-amount").fill("100");
        page.locator("#counter-charge-submit").click();
        assertThat(page.locator("#counter-problem")).hasText("余额或积分不足");
        assertThat(page.locator("#member-balance")).hasText("余额 ¥70.00（本金 ¥0.00，赠送 ¥70.00）");
    }
}
