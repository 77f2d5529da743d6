package o2o.mallguide;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.LinkedHashMap;
import java.util.regex.Pattern;

import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** On a phone, a customer searches a mall, puts dishes of two tenants in one cart, pays once and sees both numbers. */
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
}
