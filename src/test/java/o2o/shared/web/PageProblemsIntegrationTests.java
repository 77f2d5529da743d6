package o2o.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/**
 * A problem raised under a page comes back on that page, in the visitor's language and with what they typed: a
 * console form, a customer's page after a redirect, an htmx fragment. What the visitor may not see stays an error page.
 */
class PageProblemsIntegrationTests extends ApiTest {

    @Test
    void aConsoleFormComesBackWithWhatWasTypedAndTheProblemInChinese() {
        var owner = owner("页面问题券");
        owner.get("/merchant/coupons/new");

        var page = owner.post("/merchant/coupons/new", couponWithAmount("十元"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"errors\"").contains("输入有误：amountOff: not an amount like 12.50")
                .contains("value=\"满百减十\"").contains("value=\"十元\"");
    }

    @Test
    void theSameFormSpeaksEnglishToAVisitorWhoChoseIt() {
        var owner = owner("Page problem coupons");
        owner.get("/merchant/coupons/new?lang=en");

        var page = owner.post("/merchant/coupons/new", couponWithAmount("ten"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Please check your input: amountOff: not an amount like 12.50")
                .contains("value=\"ten\"");
    }

    private WebSession owner(String name) {
        var merchant = fixtures.approvedMerchant(name);
        return new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
    }

    private static Map<String, String> couponWithAmount(String amount) {
        return Map.of("title", "满百减十", "kind", "AMOUNT_OFF", "amountOff", amount, "minSpend", "100",
                "totalQuantity", "100", "perCustomerLimit", "1", "validFrom", "2026-12-01T10:00",
                "validUntil", "2026-12-31T10:00");
    }
}
