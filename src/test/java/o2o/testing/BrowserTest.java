package o2o.testing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the browser tests: the running application and a fresh phone-sized Chromium page for each test. */
public abstract class BrowserTest extends ApiTest {

    private final List<BrowserContext> opened = new ArrayList<>();
    private final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    protected BrowserContext context;
    protected Page page;

    @BeforeEach
    void openPhone() {
        context = newPhone();
        page = context.newPage();
    }

    /** Another phone with cookies of its own (a second person in the same test), closed after the test. */
    protected BrowserContext newPhone() {
        var phone = Browser.phone("http://127.0.0.1:" + port);
        Browser.recordPolicyViolations(phone, policyViolations);
        opened.add(phone);
        return phone;
    }

    @AfterEach
    void closePhones() {
        opened.forEach(BrowserContext::close);
        opened.clear();
        org.assertj.core.api.Assertions.assertThat(policyViolations)
                .as("what the pages' Content-Security-Policy blocked (an inline script, an inline handler, eval)")
                .isEmpty();
    }

    /**
     * On the customer sign-in page {@code page} shows: asks for a code for {@code phone}, reads it from the SMS and
     * sends it back, as a person would.
     */
    protected void enterSmsCode(Page page, String phone) {
        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();
        assertThat(page.locator("#code-status")).hasText("验证码已发送，5 分钟内有效。");
        page.locator("#code").fill(fixtures.latestCode(phone));
        page.locator("#signin-submit").click();
    }

    /** Signs in on the staff login page and waits until the console (or wherever it sends them) has loaded. */
    protected void signInAsStaff(String username, String password) {
        page.navigate("/staff/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#staff-submit").click();
        page.waitForURL(url -> !url.contains("/staff/login"));
    }
}
