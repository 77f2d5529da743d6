package o2o.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/**
 * A problem raised under a page comes back on that page, in the visitor's language and with what they typed: a
 * console form, a customer's page after a redirect, an htmx fragment. What the visitor may not see stays an error page.
 */
class PageProblemsIntegrationTests extends ApiTest {

    @Test
    void aConsoleFormComesBackWithWhatWasTypedAndTheProblemInChinese() {
        var owner = owner(fixtures.approvedMerchant("页面问题券"), Map.of());
        owner.get("/merchant/coupons/new");

        var page = owner.post("/merchant/coupons/new", couponWithAmount("十元"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"errors\"").contains("输入有误：amountOff: not an amount like 12.50")
                .contains("value=\"满百减十\"").contains("value=\"十元\"");
    }

    @Test
    void theSameFormSpeaksEnglishToAVisitorWhoChoseIt() {
        var owner = owner(fixtures.approvedMerchant("Page problem coupons"), Map.of());
        owner.get("/merchant/coupons/new?lang=en");

        var page = owner.post("/merchant/coupons/new", couponWithAmount("ten"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Please check your input: amountOff: not an amount like 12.50")
                .contains("value=\"ten\"");
    }

    @Test
    void aCustomersRefusedOrderGoesBackToTheDealWithTheProblem() {
        var deal = deal(fixtures.approvedMerchant("页面问题团购"));
        var customer = customer();

        var refused = customer.post("/deals/" + deal + "/buy", Map.of("quantity", "两份"));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/deals/" + deal);
        assertThat(customer.get("/deals/" + deal).body()).contains("id=\"deal-problem\"")
                .contains("输入有误：quantity: not a whole number");
        assertThat(customer.get("/deals/" + deal).body()).doesNotContain("id=\"deal-problem\"");
    }

    @Test
    void aCustomerWhoChoseEnglishReadsTheRefusalInEnglish() {
        var deal = deal(fixtures.approvedMerchant("Page problem deals"));
        var customer = customer();
        customer.get("/deals/" + deal + "?lang=en");

        customer.post("/deals/" + deal + "/buy", Map.of("quantity", "two"));

        assertThat(customer.get("/deals/" + deal).body())
                .contains("Please check your input: quantity: not a whole number");
    }

    @Test
    void anHtmxRequestGetsItsFragmentWithTheProblem() {
        var owner = owner(fixtures.approvedMerchant("页面问题菜单"), Map.of("HX-Request", "true"));
        owner.get("/merchant/menu");

        var fragment = owner.post("/merchant/menu/categories", Map.of("name", "凉菜", "sortOrder", "第一"));

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"menu-error\"")
                .contains("输入有误：sortOrder: not a whole number");
    }

    @Test
    void whatTheVisitorMayNotDoStaysTheErrorPage() {
        var merchant = fixtures.approvedMerchant("页面问题收银");
        var cashier = Fixtures.unique("cashier");
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", cashier, "password", "password-1",
                "displayName", "收银", "role", "CASHIER"), merchant.ownerToken());
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        var console = new WebSession(port).signInAsStaff(cashier, "password-1");
        console.get("/merchant");

        var refused = console.post("/merchant/coupons/new", couponWithAmount("10"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("id=\"errors\"");
    }

    private WebSession owner(MerchantFixture merchant, Map<String, String> headers) {
        return new WebSession(port, headers).signInAsStaff(merchant.ownerUsername(), "password-1");
    }

    private UUID deal(MerchantFixture merchant) {
        var store = fixtures.store(merchant, Fixtures.unique("店"), 31.23, 121.47, "火锅");
        return fixtures.deal(merchant, Set.of(store), 5000, 10, false, "ANYTIME");
    }

    private WebSession customer() {
        var phone = Fixtures.uniquePhone();
        return new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
    }

    private static Map<String, String> couponWithAmount(String amount) {
        return Map.of("title", "满百减十", "kind", "AMOUNT_OFF", "amountOff", amount, "minSpend", "100",
                "totalQuantity", "100", "perCustomerLimit", "1", "validFrom", "2026-12-01T10:00",
                "validUntil", "2026-12-31T10:00");
    }
}
