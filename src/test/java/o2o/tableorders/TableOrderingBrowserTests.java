package o2o.tableorders;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import o2o.testing.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * Two phones at one table order into one cart and send it; the kitchen display (staff, another browser) cooks and
 * serves each dish, the diners see it served; the waiter adds a dish for the table from the service board.
 */
class TableOrderingBrowserTests extends BrowserTest {

    @Test
    void phonesAtATableOrderTogetherAndTheKitchenCooksAndServesWhatTheySent() {
        var tables = new TableFixtures(api, fixtures);
        var restaurant = tables.restaurant("扫码点菜馆");
        var table = tables.table(restaurant, "A1");

        var first = scan(table);
        dish(first, "红烧肉").locator("label.dish-option", new Locator.LocatorOptions().setHasText("大")).click();
        dish(first, "红烧肉").locator(".add-button").click();
        assertThat(first.locator(".cart-line")).hasCount(1);
        assertThat(first.locator(".cart-line .cart-line-who")).hasText("我点的");
        assertThat(first.locator("#cart-total")).hasText("¥58.00");
        dish(first, "米饭").locator(".add-button").click();
        assertThat(first.locator(".cart-line")).hasCount(2);

        var second = scan(table);
        assertThat(second.locator(".cart-line")).hasCount(2);
        assertThat(second.locator(".cart-line[data-mine=true]")).hasCount(0);
        dish(second, "青菜").locator(".add-button").click();
        assertThat(second.locator(".cart-line")).hasCount(3);
        assertThat(first.locator(".cart-line")).hasCount(3);
        first.locator(".cart-line", new Page.LocatorOptions().setHasText("米饭")).locator(".more-of").click();
        assertThat(first.locator(".cart-line", new Page.LocatorOptions().setHasText("米饭"))
                .locator(".cart-line-quantity")).hasText("2");
        assertThat(first.locator("#cart-total")).hasText("¥80.00");

        second.locator("#submit-round").click();
        assertThat(second.locator("#order-sent")).isVisible();
        assertThat(second.locator("#cart-empty")).isVisible();
        assertThat(second.locator(".round[data-round='1'] .round-item")).hasCount(3);
        assertThat(first.locator(".round[data-round='1'] .round-item-state").first()).hasText("待制作");

        signInAsStaff(restaurant.merchant().ownerUsername(), "password-1");
        page.navigate("/merchant/stores/" + restaurant.store() + "/kitchen");
        var ticket = page.locator(".ticket[data-table='A1'][data-round='1']");
        assertThat(ticket).isVisible();
        assertThat(ticket.locator(".ticket-item")).hasCount(3);
        assertThat(ticket.locator(".ticket-item[data-name='红烧肉']")).containsText("大");
        for (var name : new String[] {"红烧肉", "米饭", "青菜"}) {
            var item = page.locator(".ticket-item[data-name='" + name + "']");
            item.locator(".next-state").click();
            assertThat(item).hasAttribute("data-state", "COOKING");
            assertThat(first.locator(".round-item[data-state=COOKING]", new Page.LocatorOptions().setHasText(name)))
                    .isVisible();
            item.locator(".next-state").click();
            if (!name.equals("青菜")) assertThat(item).hasAttribute("data-state", "SERVED");
        }
        assertThat(page.locator("#kitchen-empty")).isVisible();
        assertThat(first.locator(".round-item[data-state=SERVED]")).hasCount(3);
        assertThat(first.locator(".round-item-state").first()).hasText("已上菜");

        page.navigate("/merchant/stores/" + restaurant.store() + "/service");
        var row = page.locator(".service-table[data-table='A1']");
        assertThat(row).hasAttribute("data-state", "SERVED");
        row.locator(".staff-order summary").click();
        row.locator(".staff-dish").selectOption(new SelectOption().setLabel("米饭"));
        row.locator(".staff-quantity").fill("2");
        row.locator(".staff-note").fill("打包");
        row.locator(".staff-submit").click();
        assertThat(page.locator(".service-table[data-table='A1']")).hasAttribute("data-state", "IN_KITCHEN");
        assertThat(first.locator(".round[data-round='2'] .round-item")).hasCount(1);
        page.navigate("/merchant/stores/" + restaurant.store() + "/kitchen");
        assertThat(page.locator(".ticket[data-table='A1'][data-round='2'] .ticket-note")).hasText("打包");
    }

    /** A phone scans the table's QR code, skips joining the membership and lands on the table's order page. */
    private Page scan(TableFixtures.Table table) {
        var phone = newPhone().newPage();
        phone.navigate("/t/" + table.code());
        phone.waitForURL("**/t/" + table.code() + "/join");
        phone.locator("#skip-join").click();
        phone.waitForURL("**/t/" + table.code() + "/order");
        assertThat(phone.locator("#order-table")).containsText("A1");
        return phone;
    }

    private static Locator dish(Page phone, String name) {
        return phone.locator(".dish", new Page.LocatorOptions().setHasText(name));
    }
}
