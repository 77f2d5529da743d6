package o2o.coupons;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A merchant issues a coupon from the console; a customer claims it on the store page and spends it on a deal. */
class CouponPagesBrowserTests extends BrowserTest {

    BrowserContext owner;
    BrowserContext phone;

    @BeforeEach
    void setUp() {
        owner = newPhone();
        phone = newPhone();
    }

    @Test
    void aCustomerClaimsTheMerchantsNewCouponKeepsItInTheWalletAndPaysLessWithIt() {
        var merchant = fixtures.approvedMerchant("领券餐厅");
        var store = fixtures.store(merchant, Fixtures.unique("领券餐厅店"), 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 10000, null, false, "ANYTIME");

        var console = owner.newPage();
        console.navigate("/staff/login");
        console.locator("#username").fill(merchant.ownerUsername());
        console.locator("#password").fill("password-1");
        console.locator("#staff-submit").click();
        console.waitForURL("**/merchant");
        console.locator("#to-coupons").click();
        console.locator("#new-coupon").click();
        var title = Fixtures.unique("满50减12.5");
        console.locator("input[name=title]").fill(title);
        console.locator("input[name=amountOff]").fill("12.5");
        console.locator("input[name=minSpend]").fill("50");
        console.locator("input[name=totalQuantity]").fill("10");
        console.locator("#save-coupon").click();
        assertThat(console.locator("#saved")).containsText(title);
        assertThat(console.locator("#coupon-templates")).containsText("已领 0 / 10");

        var page = phone.newPage();
        page.navigate("/stores/" + store);
        var offer = page.locator("#store-coupons .coupon", new Page.LocatorOptions().setHasText(title));
        assertThat(offer).containsText("¥12.50");
        assertThat(offer).containsText("满 ¥50.00 可用");
        offer.locator(".claim").click();
        page.waitForURL("**/signin?next=**");
        var number = Fixtures.uniquePhone();
        enterSmsCode(page, number);
        page.waitForURL("**/stores/" + store);

        offer.locator("button.claim").click();
        assertThat(offer.locator(".claimed")).hasText("领取成功");
        page.reload();
        assertThat(offer.locator(".claimed")).hasText("已领取");
        assertThat(offer.locator("button.claim")).hasCount(0);

        page.locator("#nav-coupons").click();
        page.waitForURL("**/me/coupons");
        assertThat(page.locator("#wallet")).containsText(title);
        assertThat(page.locator("#wallet")).containsText("¥12.50");
        console.reload();
        assertThat(console.locator("#coupon-templates")).containsText("已领 1 / 10");

        page.navigate("/deals/" + deal);
        page.locator("#coupon").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                title + " · -¥12.50 · 满 ¥50.00 可用"));
        page.locator("#buy").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥87.50");
    }
}
