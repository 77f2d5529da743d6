package o2o.loyalty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import o2o.testing.BrowserTest;
import org.junit.jupiter.api.Test;

/** An owner sets the points rules and adds a tier on the console page; the API then reads what they typed. */
class LoyaltyConsoleBrowserTests extends BrowserTest {

    @Test
    void anOwnerEditsTheEarnRulesAndAddsATier() {
        var merchant = fixtures.approvedMerchant("积分后台");
        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.locator("#to-loyalty").click();
        page.waitForURL("**/merchant/loyalty");

        page.locator("#rules-form input[name=name]").fill("积分后台会员");
        page.locator("#rules-form input[name=pointsPerYuan]").fill("2");
        page.locator("#rules-form input[name=rate-DINE_IN]").fill("5");
        page.locator("#rules-form input[value=MONTHS]").check();
        page.locator("#rules-form input[name=expiryMonths]").fill("12");
        page.locator("#save-rules").click();
        assertThat(page.locator("#saved")).hasText("积分规则已保存。");

        page.locator("#tier-form input[name=tierName]").fill("银卡");
        page.locator("#tier-form input[name=threshold]").fill("100");
        page.locator("#tier-form input[name=discountPercent]").fill("5");
        page.locator("#tier-form input[name=pointsMultiplierPercent]").fill("150");
        page.locator("#add-tier").click();
        assertThat(page.locator("#saved")).hasText("会员等级已保存。");
        assertThat(page.locator("#tier-levels")).containsText("银卡：门槛 100，折扣 5%，积分倍率 150%");

        page.locator("#tier-form input[name=tierName]").fill("金卡");
        page.locator("#tier-form input[name=threshold]").fill("50");
        page.locator("#add-tier").click();
        assertThat(page.locator("#tier-levels .tier-level").first()).containsText("金卡");

        page.locator("#tier-form input[name=tierName]").fill("银卡");
        page.locator("#tier-form input[name=threshold]").fill("900");
        page.locator("#add-tier").click();
        assertThat(page.locator("#errors")).containsText("levels[2].name");
        assertThat(page.locator("#tier-levels .tier-level")).hasCount(2);

        var rules = api.get("/api/v1/merchant/points-program", merchant.ownerToken()).body();
        assertThat(rules.path("name").asString()).isEqualTo("积分后台会员");
        assertThat(rules.path("pointsPerYuan").asInt()).isEqualTo(2);
        assertThat(rules.path("channelRates").path("DINE_IN").asInt()).isEqualTo(5);
        assertThat(rules.path("expiryPolicy").asString()).isEqualTo("MONTHS:12");
        var tiers = api.get("/api/v1/merchant/tiers", merchant.ownerToken()).body().path("levels");
        assertThat(tiers.get(1).path("name").asString()).isEqualTo("银卡");
        assertThat(tiers.get(1).path("pointsMultiplierPercent").asInt()).isEqualTo(150);
    }
}
