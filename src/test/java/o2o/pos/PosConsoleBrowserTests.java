package o2o.pos;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The owner makes a POS key on the console, sees it once, and revokes it; the revoked key is refused at once. */
class PosConsoleBrowserTests extends BrowserTest {

    @Test
    void theOwnerCreatesAKeySeesItOnceAndRevokesIt() {
        var merchant = fixtures.approvedMerchant("收银对接");
        var storeName = Fixtures.unique("收银对接店");
        var store = fixtures.store(merchant, storeName, 31.2, 121.4, "火锅");

        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.navigate("/merchant/pos");
        var section = page.locator("#pos-store-" + store);
        assertThat(section.locator("h2")).hasText(storeName);
        section.locator(".pos-key-new-name").fill("前台收银机");
        section.locator(".pos-key-create").click();
        page.waitForURL("**/merchant/pos");

        var secret = page.locator("#pos-key-secret");
        assertThat(secret).hasText(java.util.regex.Pattern.compile("^o2opos_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$"));
        var key = secret.textContent();
        assertThat(section.locator(".pos-key-name")).hasText("前台收银机");
        var sale = Map.of("posTransactionId", "UI-1", "soldAt", clock.instant().toString(), "total", 1500,
                "paymentMethod", "CASH", "lines", java.util.List.of(Map.of("name", "套餐", "quantity", 1,
                        "unitPrice", 1500, "amount", 1500)));
        org.assertj.core.api.Assertions.assertThat(api.post("/api/v1/pos/sales", sale, key).status()).isEqualTo(201);

        page.reload();
        assertThat(page.locator("#pos-key-secret")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(key);
        assertThat(page.locator("#pos-sales .pos-sale")).hasCount(1);
        assertThat(page.locator("#pos-sales .pos-sale-status")).hasText("已支付");

        section.locator(".pos-key-revoke").click();
        page.waitForURL("**/merchant/pos");
        assertThat(section.locator(".pos-key-revoked")).hasText("已吊销");
        assertThat(section.locator(".pos-key-revoke")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(api.post("/api/v1/pos/sales", sale, key).status()).isEqualTo(401);
    }
}
