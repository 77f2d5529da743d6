package o2o.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Page;
import o2o.identity.Role;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** An owner builds a small menu, a waiter marks a dish sold out on the phone, and a customer sees the badge. */
class MenuBrowserTests extends BrowserTest {

    @Test
    void anOwnerBuildsAMenuAWaiterMarksADishSoldOutAndACustomerSeesTheBadge() {
        var merchant = fixtures.approvedMerchant("菜单餐厅");
        var store = fixtures.store(merchant, Fixtures.unique("菜单餐厅店"), 31.2, 121.4, "本帮菜");
        var waiterName = Fixtures.unique("waiter");
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", waiterName, "password",
                "password-1", "displayName", "服务员", "role", Role.WAITER.name(), "storeIds", Set.of(store)),
                merchant.ownerToken());
        Assertions.assertThat(hired.status()).as(hired.raw()).isEqualTo(201);

        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.locator("#to-menu").click();
        page.waitForURL("**/merchant/menu");
        page.locator("#category-name").fill("热菜");
        page.locator("#add-category").click();
        assertThat(page.locator("#categories")).containsText("热菜");

        page.locator("#item-name").fill("红烧肉");
        page.locator("#item-price").fill("48");
        page.locator("#item-photo").fill("https://img.example.com/pork.jpg");
        page.locator("#save-item").click();
        var pork = page.locator(".menu-item", new Page.LocatorOptions().setHasText("红烧肉"));
        assertThat(pork.locator(".price")).hasText("¥48.00");

        pork.locator(".add-group summary").click();
        pork.locator(".group-name").fill("规格");
        pork.locator(".group-required").check();
        pork.locator(".group-options").fill("大 10\n小 -8");
        pork.locator(".save-group").click();
        assertThat(pork.locator(".option-group")).containsText("规格");
        assertThat(pork.locator(".option-group")).containsText("大 +10.00");
        assertThat(pork.locator(".option-group")).containsText("小 -8.00");

        page.locator("#item-name").fill("清蒸鱼");
        page.locator("#item-price").fill("-1");
        page.locator("#save-item").click();
        assertThat(page.locator("#menu-error")).isVisible();
        assertThat(page.locator(".menu-item")).hasCount(1);

        var waiter = newPhone().newPage();
        waiter.navigate("/staff/login");
        waiter.locator("#username").fill(waiterName);
        waiter.locator("#password").fill("password-1");
        waiter.locator("#staff-submit").click();
        waiter.waitForURL(url -> !url.contains("/staff/login"));
        waiter.navigate("/merchant/stores/" + store + "/menu");
        var row = waiter.locator(".store-item", new Page.LocatorOptions().setHasText("红烧肉"));
        assertThat(row.locator(".store-settings")).hasCount(0);
        row.locator(".sold-out-toggle").click();
        assertThat(row.locator(".sold-out-toggle")).hasAttribute("aria-pressed", "true");
        waiter.reload();
        assertThat(row).hasAttribute("data-sold-out", "true");

        var customer = newPhone().newPage();
        customer.navigate("/stores/" + store + "/menu");
        var dish = customer.locator(".dish", new Page.LocatorOptions().setHasText("红烧肉"));
        assertThat(dish.locator(".sold-out-badge")).hasText("售罄");
        assertThat(dish.locator(".dish-price")).hasText("¥48.00");
        assertThat(dish.locator(".dish-option")).hasText(new String[] {"大 +¥10.00", "小 -¥8.00"});
        assertThat(dish.locator(".dish-photo")).hasAttribute("src", "https://img.example.com/pork.jpg");

        row.locator(".sold-out-toggle").click();
        assertThat(row.locator(".sold-out-toggle")).hasAttribute("aria-pressed", "false");
        customer.reload();
        assertThat(dish.locator(".sold-out-badge")).hasCount(0);
    }

    @Test
    void aManagerSetsTheStoresOwnPriceAndTheCustomerSeesIt() {
        var merchant = fixtures.approvedMerchant("改价餐厅");
        var store = fixtures.store(merchant, Fixtures.unique("改价店"), 31.2, 121.4, "本帮菜");
        var category = api.post("/api/v1/merchant/menu/categories", Map.of("name", "饮品"),
                merchant.ownerToken()).text("id");
        api.post("/api/v1/merchant/menu/items", MenuIntegrationTests.item(category, "酸梅汤", 800,
                List.of()), merchant.ownerToken());

        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.navigate("/merchant/stores/" + store + "/menu");
        var row = page.locator(".store-item", new Page.LocatorOptions().setHasText("酸梅汤"));
        row.locator(".price-override").fill("6.5");
        row.locator(".save-store-item").click();
        assertThat(row.locator(".price")).hasText("¥6.50");

        var customer = newPhone().newPage();
        customer.navigate("/stores/" + store + "/menu");
        assertThat(customer.locator("[data-item-id] .dish-price")).hasText("¥6.50");

        row.locator(".available").uncheck();
        // the box is unchecked on the page at once; the customer's reload must come after the server saved it
        page.waitForResponse(r -> r.request().method().equals("POST") && r.url().contains("/menu/items/"),
                () -> row.locator(".save-store-item").click());
        assertThat(row.locator(".available")).not().isChecked();
        customer.reload();
        assertThat(customer.locator("#menu-empty")).isVisible();
    }
}
