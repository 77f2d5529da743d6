package o2o.merchants;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import o2o.testing.Browser;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A customer on a phone: nearby stores, a store's page, the language switch, signing in by SMS code. */
class CustomerBrowserTests extends BrowserTest {

    @Test
    void browsesTheChosenCitysNearestStoresAndOpensOne() {
        var shanghai = City.ALL.getFirst();
        var merchant = fixtures.approvedMerchant("人民广场小笼");
        var name = Fixtures.unique("人民广场小笼");
        api.post("/api/v1/merchant/stores", Map.of("name", name, "address", "人民大道1号", "city", "上海",
                "lat", shanghai.lat(), "lng", shanghai.lng(), "category", "快餐", "phone", "021-63270000",
                "openingHours", Map.of("MONDAY", List.of("07:00-20:00"), "SUNDAY", List.of("08:00-14:00"))),
                merchant.ownerToken());

        page.navigate("/");
        assertThat(page.locator("h1")).hasText("附近的店");
        var card = page.locator(".store-card", new Page.LocatorOptions().setHasText(name));
        assertThat(card).isVisible();
        assertThat(page.locator(".store-card").first()).containsText(name); // it stands at the city centre

        card.click();
        assertThat(page.locator("#store-name")).hasText(name);
        assertThat(page.locator(".hours")).containsText("07:00-20:00");
        assertThat(page.locator(".hours")).containsText("休息");
        assertThat(page.locator("a[href='tel:021-63270000']")).isVisible();

        page.locator("#lang").click();
        assertThat(page.locator(".hours")).containsText("Closed");
        page.navigate("/");
        assertThat(page.locator("h1")).hasText("Stores near you");
    }

    @Test
    void findsStoresAroundTheBrowsersLocation() {
        double lat = ThreadLocalRandom.current().nextDouble(-40, 40), lng = ThreadLocalRandom.current().nextDouble(-60, 60);
        var merchant = fixtures.approvedMerchant("定位小店");
        var name = Fixtures.unique("定位小店");
        fixtures.store(merchant, name, lat, lng + 0.001, "咖啡");

        context.grantPermissions(List.of("geolocation"));
        context.setGeolocation(new Geolocation(lat, lng));
        page.navigate("/");
        page.locator("#locate").click();
        assertThat(page.locator(".store-card").first()).containsText(name);
        assertThat(page.locator(".store-card").first().locator(".distance")).containsText("米");
    }

    @Test
    void signsInWithTheCodeFromTheSms() {
        var phone = Fixtures.uniquePhone();
        page.navigate("/signin");
        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();
        assertThat(page.locator("#code-status")).hasText("验证码已发送，5 分钟内有效。");

        page.locator("#code").fill(fixtures.latestCode(phone));
        page.locator("#signin-submit").click();
        page.waitForURL("**/");
        assertThat(page.locator("header form button")).hasText("退出");
    }

    @Test
    void aWrongCodeIsSaidPlainly() {
        var phone = Fixtures.uniquePhone();
        page.navigate("/signin");
        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();
        assertThat(page.locator("#code-status")).hasText("验证码已发送，5 分钟内有效。");
        var code = fixtures.latestCode(phone);
        page.locator("#code").fill(code.equals("000000") ? "111111" : "000000");
        page.locator("#signin-submit").click();
        assertThat(page.locator("#code-status")).hasText("验证码错误或已失效");
    }
}
