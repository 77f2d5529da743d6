package o2o.shared;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import o2o.testing.Browser;
import o2o.testing.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * Pages tell the browser what they may do: scripts only from the site's files, no framing, no address leaked to other
 * sites, the camera only where the counter scans. Every browser test also fails on anything the policy blocked.
 */
class SecurityHeadersBrowserTests extends BrowserTest {

    @Test
    void pagesSendAPolicyWithoutInlineScriptsAndAReferrerAndPermissionsPolicy() {
        for (var path : List.of("/", "/signin", "/staff/login", "/swagger-ui/index.html")) {
            var response = api.get(path);
            var policy = response.header("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .contains("object-src 'none'");
            var scripts = policy.substring(policy.indexOf("script-src"));
            assertThat(scripts.substring(0, scripts.indexOf(';'))).as(path)
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(response.header("Permissions-Policy")).as(path).contains("camera=()");
        }
    }

    @Test
    void onlyTheScanningPagesMayAskForTheCamera() {
        var owner = fixtures.approvedMerchant("扫码小店");
        signInAsStaff(owner.ownerUsername(), "password-1");
        for (var path : List.of("/merchant/redeem", "/merchant/members/lookup")) {
            var response = page.navigate(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.headerValue("Permissions-Policy")).as(path).contains("camera=(self)");
            assertThat(page.evaluate("() => document.featurePolicy === undefined "
                    + "|| document.featurePolicy.allowsFeature('camera')")).as(path).isEqualTo(true);
        }
        var console = page.navigate("/merchant");
        assertThat(console.headerValue("Permissions-Policy")).contains("camera=()");
    }

    @Test
    void theBrowserRefusesAnInlineScriptAndThePagesOwnScriptsStillWork() {
        var violations = new ArrayList<String>();
        var phone = Browser.phone("http://127.0.0.1:" + port);
        Browser.recordPolicyViolations(phone, violations);
        try {
            Page home = phone.newPage();
            home.navigate("/");
            // the home page's own script (a file) fills the coordinates of the city picked
            home.locator("#city").selectOption(home.locator("#city option").nth(1).getAttribute("value"));
            assertThat(home.locator("#lat")).hasValue(home.locator("#city option").nth(1).getAttribute("data-lat"));
            // an injected inline script does not run
            try {
                home.addScriptTag(new Page.AddScriptTagOptions().setContent("window.injected = true;"));
            } catch (RuntimeException refused) {
                // Playwright reports the blocked script as an error of its own on some versions
            }
            assertThat(home.evaluate("() => window.injected === true")).isEqualTo(false);
            assertThat(violations).anyMatch(v -> v.contains("script-src"));
        } finally {
            phone.close();
        }
    }

    @Test
    void theApiDocumentationPageRunsUnderThePolicy() {
        page.navigate("/swagger-ui/index.html");
        // the first request for the document builds it, which takes a while on a busy machine
        assertThat(page.locator(".swagger-ui .info .title")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator(".opblock").first()).isVisible();
    }
}
