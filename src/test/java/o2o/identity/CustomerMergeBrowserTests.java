package o2o.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The operator merges two customers by their phones from the operator console. */
class CustomerMergeBrowserTests extends BrowserTest {

    @Test
    void theOperatorMergesTwoCustomersByPhone() {
        var source = Fixtures.uniquePhone();
        var target = Fixtures.uniquePhone();
        var sourceToken = fixtures.customerToken(source);
        var targetId = api.get("/api/v1/me", fixtures.customerToken(target)).text("id");

        signInAsStaff("operator", "operator-pass");
        page.locator("#merge-form input[name=source]").fill(source);
        page.locator("#merge-form input[name=target]").fill(target);
        page.locator("#merge-submit").click();
        assertThat(page.locator("#merge-result .merge-done")).containsText(targetId);
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/me", sourceToken).text("id")).isEqualTo(targetId);

        page.locator("#merge-form input[name=source]").fill(source);
        page.locator("#merge-form input[name=target]").fill(UUID.randomUUID().toString());
        page.locator("#merge-submit").click();
        assertThat(page.locator("#merge-result .merge-errors")).isVisible();
    }
}
