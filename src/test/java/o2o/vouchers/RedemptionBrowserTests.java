package o2o.vouchers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.Browser;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** At the counter: a cashier types a customer's code and redeems it once; a manager reverses a mistake. */
class RedemptionBrowserTests extends BrowserTest {

    record Bought(Fixtures.MerchantFixture merchant, UUID store, String storeName, String dealTitle, String code,
            String customerToken) {}

    /** A customer bought and paid one voucher of the merchant's deal, through the API. */
    private Bought aPaidVoucher(String merchantName) {
        var merchant = fixtures.approvedMerchant(merchantName);
        var storeName = Fixtures.unique(merchantName + "店");
        var store = fixtures.store(merchant, storeName, 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 5900, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var order = fixtures.order(customer, deal, 1);
        fixtures.pay(customer, order.text("id"), true);
        var voucher = fixtures.vouchersOf(customer, 1).get(0);
        return new Bought(merchant, store, storeName, voucher.path("dealTitle").asString(),
                voucher.path("code").asString(), customer);
    }

    private String hire(Fixtures.MerchantFixture merchant, Role role, Set<UUID> stores) {
        var username = Fixtures.unique(role.name().toLowerCase());
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", username, "password", "password-1",
                "displayName", "收银员", "role", role.name(), "storeIds", stores), merchant.ownerToken());
        org.assertj.core.api.Assertions.assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        return username;
    }

    private void signInAsStaff(String username) {
        signInAsStaff(username, "password-1");
    }

    @Test
    void aCashierRedeemsATypedCodeOnceAndIsToldWhereItWasUsedTheSecondTime() {
        var bought = aPaidVoucher("核销餐厅");
        signInAsStaff(hire(bought.merchant(), Role.CASHIER, Set.of(bought.store())));

        page.locator("#to-redeem").click();
        page.waitForURL("**/merchant/redeem");
        assertThat(page.locator("#store option:checked")).hasText(bought.storeName());
        var grouped = bought.code().substring(0, 4) + " " + bought.code().substring(4, 8) + " " + bought.code().substring(8);
        page.locator("#code").fill(grouped);
        page.locator("#redeem-submit").click();
        assertThat(page.locator("#redeem-outcome")).hasClass("outcome ok");
        assertThat(page.locator("#redeem-outcome .outcome-title")).hasText("核销成功");
        assertThat(page.locator("#redeemed-deal")).hasText(bought.dealTitle());
        org.assertj.core.api.Assertions.assertThat(
                api.get("/api/v1/me/vouchers", bought.customerToken()).body().get(0).path("status").asString())
                .isEqualTo("REDEEMED");

        page.locator("#code").fill(bought.code());
        page.locator("#redeem-submit").click();
        assertThat(page.locator("#redeem-outcome")).hasClass("outcome fail");
        assertThat(page.locator("#redeem-outcome .outcome-title")).hasText("不能核销");
        assertThat(page.locator("#redeem-message")).containsText("已于");
        assertThat(page.locator("#redeem-message")).containsText("「" + bought.storeName() + "」核销过");

        page.locator("#code").fill("123456789012");
        page.locator("#redeem-submit").click();
        assertThat(page.locator("#redeem-message")).containsText("券码有误");

        page.locator("#to-log").click();
        var entry = page.locator(".redemption").first();
        assertThat(entry).containsText(bought.dealTitle());
        assertThat(entry).containsText(bought.storeName());
        assertThat(entry).containsText("web-console");
        assertThat(page.locator(".redemption")).hasCount(1);
        assertThat(page.locator("button.reverse")).hasCount(0);
    }

    @Test
    void aManagerReversesARedemptionMadeInError() {
        var bought = aPaidVoucher("撤销餐厅");
        var cashier = fixtures.staff(bought.merchant(), Role.CASHIER, Set.of(bought.store()));
        var redeemed = api.post("/api/v1/merchant/redemptions",
                Map.of("code", bought.code(), "storeId", bought.store(), "device", "counter-2"), cashier);
        org.assertj.core.api.Assertions.assertThat(redeemed.status()).as(redeemed.raw()).isEqualTo(200);

        signInAsStaff(hire(bought.merchant(), Role.MANAGER, Set.of()));
        page.locator("#to-redemptions").click();
        var entry = page.locator(".redemption").first();
        assertThat(entry).containsText("counter-2");
        page.onceDialog(dialog -> dialog.accept());
        entry.locator("button.reverse").click();
        assertThat(page.locator("#reversed")).isVisible();
        assertThat(page.locator(".redemption").first()).containsText("已撤销");
        org.assertj.core.api.Assertions.assertThat(
                api.get("/api/v1/me/vouchers", bought.customerToken()).body().get(0).path("status").asString())
                .isEqualTo("ISSUED");
    }
}
