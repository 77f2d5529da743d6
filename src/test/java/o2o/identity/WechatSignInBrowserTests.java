package o2o.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import o2o.testing.Browser;
import o2o.testing.BrowserTest;
import o2o.testing.FakeWechat;
import o2o.testing.FakeWechat.User;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A customer opens the site inside WeChat: the first time they prove their phone once, later they are simply in. */
class WechatSignInBrowserTests extends BrowserTest {

    @Autowired
    FakeWechat wechat;

    @Test
    void insideWechatTheFirstVisitAsksForThePhoneOnceAndTheNextOneSignsStraightIn() {
        var user = User.random("微信用户");
        var phone = Fixtures.uniquePhone();
        wechat.signInAs(user);

        try (var first = Browser.insideWechat("http://127.0.0.1:" + port)) {
            var page = first.newPage();
            page.navigate("/signin?next=/me/reservations");
            page.waitForURL(url -> url.contains("/signin?next="));
            assertThat(page.locator("#wechat-pending")).isVisible();
            assertThat(page.locator("#signin-submit")).hasText("验证并绑定微信");
            enterSmsCode(page, phone);
            page.waitForURL(url -> url.contains("/me/reservations"));
        }

        try (var later = Browser.insideWechat("http://127.0.0.1:" + port)) {
            Page page = later.newPage();
            page.navigate("/signin?next=/me/reservations");
            page.waitForURL(url -> url.contains("/me/reservations"));
            assertThat(page.locator("#phone")).hasCount(0);
        }
    }
}
