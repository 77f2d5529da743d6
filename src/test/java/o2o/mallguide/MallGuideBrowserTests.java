package o2o.mallguide;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.LinkedHashMap;
import java.util.regex.Pattern;

import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * On a phone, a customer searches a mall, puts dishes of two tenants in one cart, pays once and sees both numbers; or
 * has them delivered to an address added on the way, each tenant at its own fee.
 */
class MallGuideBrowserTests extends BrowserTest {

    @Test
    void aCustomerSearchesAddsFromTwoTenantsPaysOnceAndSeesBothNumbers() {
        var dishes = new LinkedHashMap<String, Long>();
        dishes.put("红烧牛肉面", 3200L);
        dishes.put("黑椒牛肉饭", 2800L);
        var mall = new MallGuideFixtures(api, fixtures).mall("浏览器广场", dishes);

        page.navigate("/malls/" + mall.id() + "/cart");
        page.waitForURL("**/signin?next=**");
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/malls/" + mall.id() + "/cart");
        assertThat(page.locator("#cart-empty")).isVisible();

        page.navigate("/malls/" + mall.id());
        assertThat(page.locator(".mall-tenant-card")).hasCount(2);
        page.locator("#mall-search-q").fill("牛肉");
        page.locator("#mall-search-go").click();
        page.waitForURL("**/search?q=**");
        assertThat(page.locator(".mall-hit")).hasCount(2);
        page.locator(".mall-hit[data-id='" + mall.shops().get(0).item() + "'] .add-to-cart").click();
        page.waitForURL("**/malls/" + mall.id() + "/cart");
        page.goBack();
        page.locator(".mall-hit[data-id='" + mall.shops().get(1).item() + "'] .add-to-cart").click();
        page.waitForURL("**/malls/" + mall.id() + "/cart");
        assertThat(page.locator(".mall-cart-tenant")).hasCount(2);
        assertThat(page.locator("#cart-total")).hasText("¥60.00");

        page.locator("#mall-checkout").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥60.00");
        page.locator("#sandbox-confirm").click();
        page.waitForURL(Pattern.compile(".*/me/mall-orders/[0-9a-f-]{36}$"));
        assertThat(page.locator(".mall-pickup-number")).hasText(new String[] {"001", "001"});
        assertThat(page.locator("#mall-order-total")).hasText("¥60.00");
    }

    @Test
    void aCustomerHasTwoTenantsDishesDeliveredToANewAddressAndPaysOnce() {
        var dishes = new LinkedHashMap<String, Long>();
        dishes.put("红油抄手", 2600L);
        dishes.put("芒果班戟", 1800L);
        var guide = new MallGuideFixtures(api, fixtures);
        var mall = guide.mall("外卖广场", dishes);
        guide.delivers(mall.shops().get(0), 3000, 500, 0);
        guide.delivers(mall.shops().get(1), 3000, 300, 0);

        page.navigate("/malls/" + mall.id() + "/cart");
        page.waitForURL("**/signin?next=**");
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/malls/" + mall.id() + "/cart");
        for (var shop : mall.shops()) {
            page.navigate("/malls/" + mall.id() + "/stores/" + shop.store());
            page.locator(".dish[data-item-name='" + shop.dish() + "'] .add-to-cart").click();
            page.waitForURL("**/malls/" + mall.id() + "/cart");
        }
        assertThat(page.locator("#cart-total")).hasText("¥44.00");

        page.locator("#mall-fulfilment-delivery").click();
        page.waitForURL("**/cart?fulfilment=delivery");
        assertThat(page.locator("#mall-address-none")).isVisible();
        assertThat(page.locator("#mall-checkout")).isDisabled();
        var point = MallGuideFixtures.north(1200);
        page.locator("#address-label").fill("家");
        page.locator("#address-contact").fill("陈先生");
        page.locator("#address-phone").fill("13800138000");
        page.locator("#address-text").fill("延安中路 1000 号");
        page.locator("#address-lat").fill(String.valueOf(point[0]));
        page.locator("#address-lng").fill(String.valueOf(point[1]));
        page.locator("#address-save").click();
        page.waitForURL("**/malls/" + mall.id() + "/cart?addressId=**");
        assertThat(page.locator(".tenant-fee")).hasText(new String[] {"¥5.00", "¥3.00"});
        assertThat(page.locator("#cart-total")).hasText("¥52.00");

        page.locator("#mall-checkout").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥52.00");
        page.locator("#sandbox-confirm").click();
        page.waitForURL(Pattern.compile(".*/me/mall-orders/[0-9a-f-]{36}$"));
        assertThat(page.locator(".mall-delivery-code")).hasCount(2);
        assertThat(page.locator(".mall-tenant-order .badge")).hasText(new String[] {"已下单", "已下单"});
        assertThat(page.locator("#mall-order-total")).hasText("¥52.00");
    }
}
