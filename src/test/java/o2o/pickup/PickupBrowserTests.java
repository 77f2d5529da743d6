package o2o.pickup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * On a phone, a customer orders ahead, pays on the gateway's page and sees the number; at the counter (a second
 * phone) staff mark it ready, which the customer's page shows by itself, then hand it over.
 */
class PickupBrowserTests extends BrowserTest {

    @Test
    void aCustomerOrdersAheadPaysAndCollectsWhenTheCounterSaysReady() {
        var pickup = new PickupFixtures(api, fixtures);
        var shop = pickup.shop("自提浏览器", PickupFixtures.allDay());

        page.navigate("/stores/" + shop.store() + "/pickup");
        page.waitForURL("**/signin?next=**");
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/stores/" + shop.store() + "/pickup");
        assertThat(page.locator("#cart-empty")).isVisible();

        var pork = page.locator("article[data-item-name='红烧肉']");
        pork.locator("input[data-option='大']").check();
        pork.locator("input[data-option='特辣']").check();
        pork.locator("button[data-step='1']").click();
        pork.locator(".add-to-cart").click();
        page.waitForURL("**/stores/" + shop.store() + "/pickup#cart");
        page.locator("article[data-item-name='酸梅汤'] .add-to-cart").click();
        page.waitForURL("**/stores/" + shop.store() + "/pickup#cart");
        assertThat(page.locator(".cart-title")).containsText(new String[] {"红烧肉（大、特辣）", "酸梅汤"});
        assertThat(page.locator("#cart-total")).hasText("¥126.00");

        page.locator("#pickup-note").fill("少辣");
        page.locator("#pickup-checkout").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥126.00");
        page.locator("#sandbox-confirm").click();
        page.waitForURL(Pattern.compile(".*/me/pickups/[0-9a-f-]{36}$"));
        assertThat(page.locator("#pickup-number")).hasText("001");
        assertThat(page.locator("#pickup-status-text")).hasText("制作中");
        assertThat(page.locator("#pickup-note")).hasText("备注：少辣");
        assertThat(page.locator("#pickup-total")).hasText("¥126.00");

        Page counter = newPhone().newPage();
        counter.navigate("/staff/login");
        counter.locator("#username").fill(shop.merchant().ownerUsername());
        counter.locator("#password").fill("password-1");
        counter.locator("#staff-submit").click();
        counter.waitForURL(url -> !url.contains("/staff/login"));
        counter.navigate("/merchant/stores/" + shop.store() + "/pickup");
        var ticket = counter.locator(".pickup-ticket[data-number='001']");
        assertThat(ticket.locator(".ticket-status")).hasText("制作中");
        assertThat(ticket.locator(".ticket-note")).hasText("备注：少辣");
        assertThat(ticket.locator(".lines li")).hasCount(2);
        ticket.locator(".ticket-ready").click();
        assertThat(ticket.locator(".ticket-status")).hasText("请取餐");
        assertThat(ticket.locator(".ticket-ready")).hasCount(0);

        assertThat(page.locator("#pickup-status-text")).hasText("请取餐");

        ticket.locator(".ticket-handed-over").click();
        assertThat(counter.locator("#counter-empty")).isVisible();
        assertThat(page.locator("#pickup-status-text")).hasText("已取餐");
        assertThat(page.locator("#pickup-number")).hasText("001");
    }
}
