package o2o.merchants;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** On a phone, an owner adds a cashier and later disables them; the cashier's open console ends on their next tap. */
class TeamBrowserTests extends BrowserTest {

    @Test
    void anOwnerAddsACashierThenDisablesThemAndTheCashiersOpenConsoleIsRefusedOnTheNextClick() {
        var merchant = fixtures.approvedMerchant("员工页面");
        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.locator("#to-staff").click();
        page.waitForURL("**/merchant/staff");

        var username = Fixtures.unique("cashier");
        page.locator("#staff-display-name").fill("收银小李");
        page.locator("#staff-username").fill(username);
        page.locator("#staff-password").fill("password-1");
        page.locator("#staff-role").selectOption("CASHIER");
        page.locator("#add-staff-submit").click();
        assertThat(page.locator("#added")).containsText(username);
        var row = page.locator(".staff-member[data-username='" + username + "']");
        assertThat(row.locator(".staff-state")).hasText("启用");

        var cashier = newPhone().newPage();
        cashier.navigate("/staff/login");
        cashier.locator("#username").fill(username);
        cashier.locator("#password").fill("password-1");
        cashier.locator("#staff-submit").click();
        cashier.waitForURL("**/merchant");
        assertThat(cashier.locator("#to-redeem")).isVisible();

        page.onceDialog(dialog -> dialog.accept());
        row.locator(".staff-toggle").click();
        assertThat(row.locator(".staff-state")).hasText("已停用");

        cashier.locator("#to-redeem").click();
        cashier.waitForURL("**/staff/login");
        assertThat(cashier.locator("#staff-submit")).isVisible();

        row.locator(".staff-toggle").click();
        assertThat(row.locator(".staff-state")).hasText("启用");
        cashier.locator("#username").fill(username);
        cashier.locator("#password").fill("password-1");
        cashier.locator("#staff-submit").click();
        cashier.waitForURL(url -> !url.contains("/staff/login"));
        assertThat(cashier.locator("#staff-submit")).hasCount(0);
    }

    @Test
    void anOwnerChangesACashiersRoleAndResetsTheirPassword() {
        var merchant = fixtures.approvedMerchant("员工修改");
        var username = Fixtures.unique("waiter");
        api.post("/api/v1/merchant/staff", java.util.Map.of("username", username, "password", "password-1",
                "displayName", "服务员", "role", "WAITER"), merchant.ownerToken());
        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.navigate("/merchant/staff");
        page.locator(".staff-member[data-username='" + username + "'] .staff-edit").click();

        page.locator("#edit-display-name").fill("后厨老王");
        page.locator("#edit-role").selectOption("KITCHEN");
        page.locator("#save-staff").click();
        assertThat(page.locator("#saved")).isVisible();
        assertThat(page.locator("#edit-role")).hasValue("KITCHEN");

        page.locator("#new-password").fill("password-2");
        page.locator("#reset-password-submit").click();
        assertThat(page.locator("#password-reset")).isVisible();
        org.assertj.core.api.Assertions.assertThat(fixtures.staffToken(username, "password-2")).isNotBlank();
    }
}
