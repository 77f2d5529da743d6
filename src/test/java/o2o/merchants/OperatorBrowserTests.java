package o2o.merchants;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import o2o.testing.Api;
import o2o.testing.Browser;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A business applies on the site; the platform operator approves one application and rejects another. */
class OperatorBrowserTests extends BrowserTest {

    @Test
    void anApplicationMadeOnTheSiteIsApprovedInTheOperatorConsole() {
        var name = Fixtures.unique("弄堂咖啡");
        var owner = Fixtures.unique("coffee");
        apply(name, owner);

        var rejected = Fixtures.unique("不合格");
        apply(rejected, Fixtures.unique("nope"));

        signInAsOperator();
        var application = page.locator(".application", new Page.LocatorOptions().setHasText(name));
        assertThat(application).isVisible();
        application.locator("button.approve").click();
        assertThat(application.locator(".decision")).hasText("已通过");

        var other = page.locator(".application", new Page.LocatorOptions().setHasText(rejected));
        other.locator("input[name=reason]").fill("营业执照不清晰");
        other.locator("form.reject button").click();
        assertThat(other.locator(".decision")).containsText("营业执照不清晰");

        var api = new Api(port);
        var merchantId = application.getAttribute("data-merchant");
        var token = new Fixtures(api).operatorToken();
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/admin/merchants/" + merchantId, token).text("status"))
                .isEqualTo("APPROVED");

        page.reload();
        assertThat(page.locator(".application", new Page.LocatorOptions().setHasText(name))).hasCount(0);
    }

    private void apply(String name, String owner) {
        page.navigate("/apply");
        page.locator("input[name=name]").fill(name);
        page.locator("select[name=category]").selectOption("咖啡");
        page.locator("input[name=contactName]").fill("孙女士");
        page.locator("input[name=contactPhone]").fill(Fixtures.uniquePhone());
        page.locator("input[name=ownerUsername]").fill(owner);
        page.locator("input[name=ownerPassword]").fill("password-1");
        page.locator("#apply-submit").click();
        assertThat(page.locator("#apply-done")).containsText(owner);
    }

    private void signInAsOperator() {
        signInAsStaff("operator", "operator-pass");
    }
}
