package o2o.loyalty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import o2o.identity.Role;
import o2o.ledger.Ledger;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On a phone: join, earn points with a paid deal, spend them on the next one; the points mall; the cashier's counter. */
class PointsSpendingBrowserTests extends BrowserTest {

    private static final Locator.WaitForOptions ATTACHED =
            new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED);
    private static final LocatorAssertions.HasTextOptions PATIENTLY =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    @Autowired
    Loyalty loyalty;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberEarnsPointsOnOneDealAndPaysPartOfTheNextWithThem() {
        var merchant = fixtures.approvedMerchant("积分火锅");
        var store = fixtures.store(merchant, Fixtures.unique("积分火锅店"), 31.2, 121.4, "火锅");
        var first = fixtures.deal(merchant, Set.of(store), 50000, null, false, "ANYTIME");
        var second = fixtures.deal(merchant, Set.of(store), 2000, null, false, "ANYTIME");
        var seed = new PointsSeed(api, loyalty, ledger, jdbc);
        var member = seed.member(fixtures, merchant.id());
        clock.advance(Duration.ofSeconds(61)); // the next sign-in code to the same phone

        page.navigate("/signin?next=/deals/" + first);
        signIn(member.phone());
        page.waitForURL("**/deals/" + first);
        assertThat(page.locator("#points-balance-line")).hasText("你有 0 积分");
        page.locator("#buy").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥500.00");
        page.locator("#sandbox-confirm").click();
        page.waitForURL(Pattern.compile(".*/me/orders/[0-9a-f-]{36}$"));
        assertThat(page.locator("#order-status-text")).hasText("已支付", PATIENTLY);

        long earned = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> seed.balance(member, merchant.id()), points -> points > 0);
        assertThat(earned).isGreaterThanOrEqualTo(100);
        page.navigate("/deals/" + second);
        assertThat(page.locator("#points-balance-line")).hasText("你有 " + earned + " 积分");
        page.locator("#points-worth[data-loaded]").waitFor(ATTACHED); // htmx has wired the input
        page.locator("#points-to-use").fill("100");
        assertThat(page.locator("#points-worth")).hasText("抵扣 ¥1.00");
        page.locator("#points-to-use").fill("250");
        assertThat(page.locator("#points-worth")).hasText("抵扣 ¥2.50");
        page.locator("#points-to-use").fill("100");
        assertThat(page.locator("#points-worth")).hasText("抵扣 ¥1.00");
        page.locator("#buy").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥19.00");
        assertThat(seed.balance(member, merchant.id())).isEqualTo(earned - 100);

        page.navigate("/deals/" + second);
        assertThat(page.locator("#points-balance-line")).hasText("你有 " + (earned - 100) + " 积分");
        page.locator("#points-worth[data-loaded]").waitFor(ATTACHED);
        page.locator("#points-to-use").fill(String.valueOf(earned));
        assertThat(page.locator("#points-to-use").evaluate("e => e.validity.rangeOverflow"))
                .as("more than half of ¥20 is not offered").isEqualTo(true);
        page.locator("#buy").click();
        assertThat(page.locator("#points-balance-line")).hasText("你有 " + (earned - 100) + " 积分");
        assertThat(api.get("/api/v1/me/orders", member.token()).body().size()).isEqualTo(2);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(earned - 100);
    }

    @Test
    void aMemberExchangesPointsForACouponInThePointsMall() {
        var merchant = fixtures.approvedMerchant("积分商城小馆");
        var title = Fixtures.unique("满100减20");
        var now = Instant.now();
        var template = api.post("/api/v1/merchant/coupons", Map.of("title", title, "kind", "AMOUNT_OFF",
                "amountOff", Map.of("minor", 2000, "currency", "CNY"), "totalQuantity", 50, "perCustomerLimit", 1,
                "validFrom", now.minusSeconds(60).toString(), "validUntil", now.plus(30, ChronoUnit.DAYS).toString()),
                merchant.ownerToken());
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        var item = api.post("/api/v1/merchant/points-mall/items", Map.of("couponTemplateId", template.text("id"),
                "points", 300, "stock", 5), merchant.ownerToken());
        assertThat(item.status()).as(item.raw()).isEqualTo(201);
        var seed = new PointsSeed(api, loyalty, ledger, jdbc);
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1000, now.plus(400, ChronoUnit.DAYS));
        clock.advance(Duration.ofSeconds(61));

        page.navigate("/signin?next=/me/memberships/" + merchant.id() + "/mall");
        signIn(member.phone());
        page.waitForURL("**/mall");
        assertThat(page.locator("#points-balance")).hasText("1000");
        var card = page.locator(".mall-item").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(card.locator(".mall-price")).hasText("300 积分");
        assertThat(card.locator(".mall-stock")).hasText("剩余 5 份");
        card.locator(".mall-exchange").click();
        assertThat(page.locator("#mall-exchanged")).containsText(title);
        assertThat(page.locator("#points-balance")).hasText("700");
        assertThat(card.locator(".mall-stock")).hasText("剩余 4 份");

        page.locator("#to-wallet").click();
        assertThat(page.locator("#wallet")).containsText(title);
        assertThat(seed.balance(member, merchant.id())).isEqualTo(700);
    }

    @Test
    void aCashierRedeemsAMembersPointsByPhone() {
        var merchant = fixtures.approvedMerchant("到店积分");
        var store = fixtures.store(merchant, Fixtures.unique("到店积分店"), 31.2, 121.4, "火锅");
        var seed = new PointsSeed(api, loyalty, ledger, jdbc);
        var member = seed.member(fixtures, merchant.id());
        seed.credit(member.customerId(), merchant.id(), 1000, Instant.now().plus(400, ChronoUnit.DAYS));
        var cashier = Fixtures.unique("cashier");
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", cashier, "password", "password-1",
                "displayName", "收银", "role", Role.CASHIER.name(), "storeIds", Set.of(store)), merchant.ownerToken());
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);

        signInAsStaff(cashier, "password-1");
        page.locator("#to-points-redeem").click();
        page.locator("#points-phone").fill(member.phone());
        page.locator("#points-amount").fill("300");
        page.locator("#points-note").fill("午市套餐");
        page.locator("#points-redeem-submit").click();
        assertThat(page.locator("#points-redeemed")).hasText("300 积分，抵 ¥3.00");
        assertThat(page.locator("#points-left")).containsText("剩余 700 积分");

        page.locator("#points-phone").fill(member.phone());
        page.locator("#points-amount").fill("900");
        page.locator("#points-redeem-submit").click();
        assertThat(page.locator("#points-redeem-message")).hasText("余额或积分不足");
        assertThat(seed.balance(member, merchant.id())).isEqualTo(700);
    }

    /** The member signed in once through the API already: wait for the second code before typing it. */
    private void signIn(String phone) {
        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();
        assertThat(page.locator("#code-status")).hasText("验证码已发送，5 分钟内有效。");
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/api/v1/dev/inbox?phone=" + phone).body().size() >= 2);
        page.locator("#code").fill(fixtures.latestCode(phone));
        page.locator("#signin-submit").click();
    }
}
