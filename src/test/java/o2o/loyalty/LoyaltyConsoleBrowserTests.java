package o2o.loyalty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner sets the points rules and adds a tier on the console page and the API reads what they typed; a group's owner
 * sees the month's settlement, the group's other merchants only read the rules.
 */
class LoyaltyConsoleBrowserTests extends BrowserTest {

    @Autowired
    Loyalty loyalty;

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

    @Test
    void theOwnerOfAGroupProgramSeesThisMonthsSettlementAndTheOtherMerchantsOnlyReadTheRules() {
        var mall = fixtures.approvedMerchant("商场后台");
        var shop = fixtures.approvedMerchant("商场里的小店");
        var operator = fixtures.operatorToken();
        var group = api.post("/api/v1/admin/points-programs", Map.of("name", "商场积分", "ownerMerchantId", mall.id()),
                operator).text("programId");
        api.post("/api/v1/admin/points-programs/" + group + "/merchants", Map.of("merchantId", shop.id()), operator);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var customerId = UUID.fromString(api.post("/api/v1/me/memberships", Map.of("merchantId", mall.id()), customer)
                .text("customerId"));
        loyalty.earnFor(new OrderPaid(new OrderId(Ids.next()), new MerchantId(mall.id()), new CustomerId(customerId), Channel.DEAL, Money.cny(20000),
                clock.instant()));

        signInAsStaff(mall.ownerUsername(), "password-1");
        page.navigate("/merchant/loyalty");
        var mallLine = page.locator("#settlement .settlement-line", new Page.LocatorOptions().setHasText("商场后台"));
        assertThat(mallLine).containsText("200");
        assertThat(page.locator("#settlement .settlement-line")).hasCount(2);

        var other = newPhone().newPage();
        other.navigate("/staff/login");
        other.locator("#username").fill(shop.ownerUsername());
        other.locator("#password").fill("password-1");
        other.locator("#staff-submit").click();
        other.waitForURL("**/merchant");
        other.navigate("/merchant/loyalty");
        assertThat(other.locator("#read-only")).isVisible();
        assertThat(other.locator("#rules-form input[name=name]")).hasValue("商场积分");
        assertThat(other.locator("#rules-form input[name=name]")).isDisabled();
        assertThat(other.locator("#tier-form")).hasCount(0);
        assertThat(other.locator("#settlement")).hasCount(0);
    }
}
