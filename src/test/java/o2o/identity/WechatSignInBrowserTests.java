package o2o.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
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

    private static final String WECHAT_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322d) NetType/WIFI Language/zh_CN";

    @Autowired
    FakeWechat wechat;

    @Test
    void insideWechatTheFirstVisitAsksForThePhoneOnceAndTheNextOneSignsStraightIn() {
        var user = User.random("微信用户");
        var phone = Fixtures.uniquePhone();
        wechat.signInAs(user);

        try (var first = insideWechat()) {
            var page = first.newPage();
            page.navigate("/signin?next=/me/reservations");
            page.waitForURL(url -> url.contains("/signin?next="));
            assertThat(page.locator("#wechat-pending")).isVisible();
            assertThat(page.locator("#signin-submit")).hasText("验证并绑定微信");
            enterSmsCode(page, phone);
            page.waitForURL(url -> url.contains("/me/reservations"));
        }

        try (var later = insideWechat()) {
            Page page = later.newPage();
            page.navigate("/signin?next=/me/reservations");
            page.waitForURL(url -> url.contains("/me/reservations"));
            assertThat(page.locator("#phone")).hasCount(0);
        }
    }

    private BrowserContext insideWechat() {
        return Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + port)
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("zh-CN")
                .setUserAgent(WECHAT_UA));
    }
}
