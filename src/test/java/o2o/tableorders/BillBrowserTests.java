package o2o.tableorders;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import o2o.ledger.Ledger;
import o2o.loyalty.Loyalty;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scan → order → kitchen → pay, end to end on a phone: the diner scans the table, orders, the kitchen (staff, another
 * browser) cooks and serves, the diner asks for the bill and pays it on the gateway's page, sees it paid, and the
 * waiter's board shows the table free again.
 */
class BillBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Loyalty loyalty;

    @Autowired
    Ledger ledger;

    @Test
    void aDinerScansOrdersIsServedAsksForTheBillPaysOnThePhoneAndTheTableIsFreed() {
        var tables = new TableFixtures(api, fixtures);
        var restaurant = tables.restaurant("买单小馆");
        var table = tables.table(restaurant, "A1");

        var phone = newPhone().newPage();
        phone.navigate("/signin?next=/t/" + table.code());
        enterSmsCode(phone, Fixtures.uniquePhone());
        phone.waitForURL("**/t/" + table.code() + "/join");
        phone.locator("#skip-join").click();
        phone.waitForURL("**/t/" + table.code() + "/order");
        dish(phone, "青菜").locator(".add-button").click();
        assertThat(phone.locator(".cart-line")).hasCount(1);
        dish(phone, "米饭").locator(".add-button").click();
        assertThat(phone.locator(".cart-line")).hasCount(2);
        phone.locator("#submit-round").click();
        assertThat(phone.locator("#order-sent")).isVisible();

        signInAsStaff(restaurant.merchant().ownerUsername(), "password-1");
        page.navigate("/merchant/stores/" + restaurant.store() + "/kitchen");
        for (var name : new String[] {"青菜", "米饭"}) {
            var item = page.locator(".ticket-item[data-name='" + name + "']");
            item.locator(".next-state").click();
            assertThat(item).hasAttribute("data-state", "COOKING");
            item.locator(".next-state").click();
        }
        assertThat(page.locator("#kitchen-empty")).isVisible();
        assertThat(phone.locator(".round-item[data-state=SERVED]")).hasCount(2);

        phone.navigate("/t/" + table.code() + "/bill");
        assertThat(phone.locator("#bill-table")).containsText("A1");
        assertThat(phone.locator(".bill-item")).hasCount(2);
        assertThat(phone.locator("#bill-subtotal")).hasText("¥20.00");
        phone.locator("#bill-ask").click();
        assertThat(phone.locator("#bill-split")).isVisible();
        phone.locator("#bill-split-whole").click();
        var share = phone.locator(".bill-share");
        assertThat(share).hasCount(1);
        assertThat(share.locator(".bill-share-amount")).hasText("¥20.00");
        share.locator(".bill-share-pay").click();
        phone.waitForURL("**/bill/shares/**");
        assertThat(phone.locator("#bill-preview-total")).hasText("¥20.00");
        phone.locator("#bill-pay-sandbox").click();
        phone.waitForURL("**/sandbox/pay/**");
        assertThat(phone.locator("#sandbox-amount")).hasText("¥20.00");
        phone.locator("#sandbox-confirm").click();
        phone.waitForURL("**/t/" + table.code() + "/bill");
        assertThat(phone.locator("#bill-settled .outcome-title")).hasText("已付清，谢谢光临",
                new LocatorAssertions.HasTextOptions().setTimeout(15_000));

        page.navigate("/merchant/stores/" + restaurant.store() + "/service");
        assertThat(page.locator(".service-table[data-table='A1']")).hasAttribute("data-state", "FREE");
        page.navigate("/merchant/tables/" + table.id() + "/bill");
        assertThat(page.locator("#bill-free")).isVisible();
    }

    @Test
    void aWaiterTakesTheWholeBillAtTheCounterAndTheDinersPhoneShowsItPaid() {
        var tables = new TableFixtures(api, fixtures);
        var restaurant = tables.restaurant("柜台小馆");
        var table = tables.table(restaurant, "B2");
        var phone = newPhone().newPage();
        phone.navigate("/t/" + table.code());
        phone.waitForURL("**/t/" + table.code() + "/join");
        phone.locator("#skip-join").click();
        phone.waitForURL("**/t/" + table.code() + "/order");
        dish(phone, "青菜").locator(".add-button").click();
        assertThat(phone.locator(".cart-line")).hasCount(1);
        phone.locator("#submit-round").click();
        assertThat(phone.locator("#order-sent")).isVisible();
        phone.navigate("/t/" + table.code() + "/bill");
        phone.locator("#bill-ask").click();
        assertThat(phone.locator("#bill-split")).isVisible();

        signInAsStaff(restaurant.merchant().ownerUsername(), "password-1");
        page.navigate("/merchant/tables/" + table.id() + "/bill");
        assertThat(page.locator("#bill-status")).hasText("买单中");
        assertThat(page.locator("#bill-subtotal")).hasText("¥18.00");
        page.locator("#bill-counter-cash").click();
        assertThat(page.locator("#bill-free")).isVisible();

        assertThat(phone.locator("#bill-settled .outcome-title")).hasText("已付清，谢谢光临",
                new LocatorAssertions.HasTextOptions().setTimeout(15_000));
    }

    @Test
    void twoDinersSplitByDishesAMemberSeesTheirTierDiscountAndPointsAndEachPaysTheirOwn() {
        var tables = new TableFixtures(api, fixtures);
        var bills = new BillFixtures(api, fixtures, tables, jdbc, loyalty, ledger, port);
        var restaurant = tables.restaurant("分账小馆");
        bills.tiers(restaurant);
        var table = tables.table(restaurant, "C3");
        var annNumber = Fixtures.uniquePhone();
        var ann = signedInAtTable(table, annNumber);
        var ben = signedInAtTable(table, Fixtures.uniquePhone());
        var member = api.get("/api/v1/merchant/members/lookup?phone=" + annNumber, restaurant.owner());
        org.assertj.core.api.Assertions.assertThat(member.status()).as(member.raw()).isEqualTo(200);
        bills.earn(restaurant, new BillFixtures.Diner("", UUID.fromString(member.text("customerId")), annNumber),
                20_000);

        dish(ann, "青菜").locator(".add-button").click();
        assertThat(ann.locator(".cart-line")).hasCount(1);
        dish(ben, "米饭").locator(".add-button").click();
        assertThat(ben.locator(".cart-line")).hasCount(2);
        ben.locator("#submit-round").click();
        assertThat(ben.locator("#order-sent")).isVisible();

        ann.navigate("/t/" + table.code() + "/bill");
        ben.navigate("/t/" + table.code() + "/bill");
        ann.locator("#bill-ask").click();
        ann.locator("#bill-split-items").click();
        ann.locator(".bill-item[data-item='青菜'] .bill-claim").check();
        ann.locator("#bill-claim").click();
        assertThat(ann.locator(".bill-item[data-item='青菜'] .bill-item-owner")).hasText("我的");
        assertThat(ben.locator(".bill-item[data-item='青菜'] .bill-item-owner")).hasText("已认领",
                new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        ben.locator("#bill-rest").click();
        assertThat(ben.locator(".bill-share")).hasCount(2);

        ann.locator(".bill-share", new Page.LocatorOptions().setHasText("我的菜")).locator(".bill-share-pay").click();
        ann.waitForURL("**/bill/shares/**");
        assertThat(ann.locator("#bill-preview-member")).hasText("-¥0.90");
        ann.locator("#bill-points").fill("50");
        assertThat(ann.locator("#bill-preview-points")).hasText("-¥0.50");
        assertThat(ann.locator("#bill-preview-total")).hasText("¥16.60");
        ann.locator("#bill-pay-sandbox").click();
        ann.waitForURL("**/sandbox/pay/**");
        assertThat(ann.locator("#sandbox-amount")).hasText("¥16.60");
        ann.locator("#sandbox-confirm").click();
        ann.waitForURL("**/t/" + table.code() + "/bill");

        ben.locator(".bill-share", new Page.LocatorOptions().setHasText("没人认领的菜")).locator(".bill-share-pay")
                .click();
        ben.waitForURL("**/bill/shares/**");
        assertThat(ben.locator("#bill-preview-member")).hasCount(0);
        assertThat(ben.locator("#bill-preview-total")).hasText("¥2.00");
        ben.locator("#bill-pay-sandbox").click();
        ben.waitForURL("**/sandbox/pay/**");
        ben.locator("#sandbox-confirm").click();
        ben.waitForURL("**/t/" + table.code() + "/bill");

        for (var phone : List.of(ann, ben)) {
            assertThat(phone.locator("#bill-settled .outcome-title")).hasText("已付清，谢谢光临",
                    new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        }
    }

    /** A phone signs in on the way to the table, joins the membership there and lands on the order page. */
    private Page signedInAtTable(TableFixtures.Table table, String number) {
        var phone = newPhone().newPage();
        phone.navigate("/signin?next=/t/" + table.code());
        enterSmsCode(phone, number);
        phone.waitForURL("**/t/" + table.code() + "/join");
        phone.locator("#join-at-table").click();
        phone.waitForURL("**/t/" + table.code() + "/order");
        return phone;
    }

    private static Locator dish(Page phone, String name) {
        return phone.locator(".dish", new Page.LocatorOptions().setHasText(name));
    }
}
