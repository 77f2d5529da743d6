package o2o.malls;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Locator;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The mall operator issues a mall coupon on the console's coupons page, for one tenant ticked, and sees it in the list;
 * a refused one is said on the page with what was typed kept.
 */
class MallCouponConsoleBrowserTests extends BrowserTest {

    @Test
    void theOperatorIssuesACouponForAChosenTenantAndSeesItListed() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("发券广场"), 2);
        var chosen = mall.tenants().get(1);
        var title = Fixtures.unique("周末满减");

        signInAsStaff(mall.operator().ownerUsername(), "password-1");
        page.navigate("/merchant/mall/coupons");
        assertThat(page.locator("#mall-coupons-none")).isVisible();
        var form = page.locator("#mall-coupon-form");
        form.locator("input[name=title]").fill(title);
        form.locator("input[name=amountOff]").fill("20");
        form.locator("input[name=minSpend]").fill("100");
        form.locator("input[name=totalQuantity]").fill("50");
        form.locator("#tenants-chosen").check();
        // no tenant ticked: refused on the page, the title kept
        form.locator("#issue-mall-coupon").click();
        assertThat(page.locator("#errors")).isVisible();
        assertThat(page.locator("#mall-coupon-form input[name=title]")).hasValue(title);
        assertThat(page.locator("li.coupon")).hasCount(0);

        page.locator("#mall-coupon-form input[value='" + chosen.store() + "']").check();
        page.locator("#issue-mall-coupon").click();

        assertThat(page.locator("#mall-coupon-issued")).containsText(title);
        var listed = page.locator("li.coupon").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(listed).hasCount(1);
        assertThat(listed).containsText("限 1 家租户");
        assertThat(listed.locator(".mall-coupon-counts")).hasText("已领 0 / 50 · 已用 0");

        var issued = api.get("/api/v1/merchant/mall/coupons", mall.operator().ownerToken()).body().get(0);
        assertThat(issued.path("title").asString()).isEqualTo(title);
        assertThat(issued.path("terms").path("amountOff").path("minor").asLong()).isEqualTo(2000);
        assertThat(issued.path("terms").path("minSpend").path("minor").asLong()).isEqualTo(10000);
        assertThat(issued.path("allTenants").asBoolean()).isFalse();
        assertThat(issued.path("merchantIds").get(0).asString()).isEqualTo(chosen.merchant().id().toString());
    }

    @Test
    void anotherMallsTenantOrAPostWithoutTheFormsTokenIssuesNothing() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("他场广场"), 1);
        var other = new MallFixtures(api, fixtures).mall(Fixtures.unique("别家广场"), 1);
        var session = new WebSession(port).signInAsStaff(mall.operator().ownerUsername(), "password-1");
        session.get("/merchant/mall/coupons");
        var fields = Map.of("title", "越界券", "amountOff", "10", "minSpend", "0", "totalQuantity", "5",
                "perCustomerLimit", "1", "validFrom", "2026-01-01T10:00", "validUntil", "2099-01-01T10:00",
                "tenants", "CHOSEN", "storeIds", other.tenants().get(0).store().toString());
        assertThat(session.post("/merchant/mall/coupons", fields).status()).isEqualTo(404);

        var noToken = new WebSession(port).signInAsStaff(mall.operator().ownerUsername(), "password-1");
        assertThat(noToken.post("/merchant/mall/coupons", Map.of("title", "无令牌", "amountOff", "10",
                "totalQuantity", "5", "perCustomerLimit", "1", "validFrom", "2026-01-01T10:00",
                "validUntil", "2099-01-01T10:00", "tenants", "ALL")).status()).isEqualTo(403);
        // a tenant's own staff run no mall
        var tenant = new WebSession(port).signInAsStaff(mall.tenants().get(0).merchant().ownerUsername(), "password-1");
        assertThat(tenant.get("/merchant/mall/coupons").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/mall/coupons", mall.operator().ownerToken()).body()).isEmpty();
    }
}
