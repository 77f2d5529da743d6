package o2o.merchants;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import o2o.testing.Browser;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** An owner signs in to the merchant console, opens a store and edits its details and hours. */
class MerchantConsoleBrowserTests extends BrowserTest {

    @Test
    void anOwnerOpensAStoreAndEditsItsHours() {
        var merchant = fixtures.approvedMerchant("控制台火锅");
        page.navigate("/merchant");
        page.waitForURL("**/staff/login");
        page.locator("#username").fill(merchant.ownerUsername());
        page.locator("#password").fill("password-1");
        page.locator("#staff-submit").click();
        page.waitForURL("**/merchant");
        assertThat(page.locator("#merchant-status")).hasText("已通过");

        page.locator("#new-store").click();
        var name = Fixtures.unique("控制台一店");
        page.locator("input[name=name]").fill(name);
        page.locator("input[name=city]").fill("上海");
        page.locator("input[name=address]").fill("淮海中路 99 号");
        page.locator("input[name=lat]").fill("31.2165");
        page.locator("input[name=lng]").fill("121.4600");
        page.locator("input[name=category]").fill("火锅");
        page.locator("#save-store").click();
        assertThat(page.locator("#saved")).isVisible();

        page.locator("#hours-MONDAY").fill("11:00-14:00, 17:00-23:30");
        page.locator("#hours-SUNDAY").fill("");
        page.locator("input[name=tags]").fill("可订座, 夜宵");
        page.locator("#save-store").click();
        assertThat(page.locator("#saved")).isVisible();
        assertThat(page.locator("#hours-MONDAY")).hasValue("11:00-14:00, 17:00-23:30");

        var storeId = page.url().substring(page.url().lastIndexOf('/') + 1);
        var shown = api.get("/api/v1/stores/" + storeId);
        org.assertj.core.api.Assertions.assertThat(shown.text("name")).isEqualTo(name);
        org.assertj.core.api.Assertions.assertThat(shown.body().path("openingHours").has("SUNDAY")).isFalse();
        org.assertj.core.api.Assertions.assertThat(shown.body().path("tags").toString()).contains("夜宵");

        page.navigate("/stores/" + storeId);
        assertThat(page.locator(".hours")).containsText("17:00-23:30");
    }

    @Test
    void badInputIsShownOnTheFormAndNotSaved() {
        var merchant = fixtures.approvedMerchant("表单校验");
        var store = fixtures.store(merchant, "校验店", 31.2, 121.4, "火锅");
        page.navigate("/staff/login");
        page.locator("#username").fill(merchant.ownerUsername());
        page.locator("#password").fill("password-1");
        page.locator("#staff-submit").click();
        page.waitForURL("**/merchant");

        page.navigate("/merchant/stores/" + store);
        page.locator("input[name=lat]").fill("95");
        page.locator("#save-store").click();
        assertThat(page.locator("#errors")).containsText("latitude");
        org.assertj.core.api.Assertions.assertThat(
                api.get("/api/v1/merchant/stores/" + store, merchant.ownerToken()).body().path("lat").asDouble())
                .isEqualTo(31.2);
    }

    @Test
    void aWrongPasswordKeepsYouOut() {
        page.navigate("/staff/login");
        page.locator("#username").fill("owner-who-does-not-exist");
        page.locator("#password").fill("whatever-1");
        page.locator("#staff-submit").click();
        assertThat(page.locator(".error")).hasText("用户名或密码错误");
    }
}
