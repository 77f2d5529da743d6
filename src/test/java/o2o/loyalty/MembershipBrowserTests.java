package o2o.loyalty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import o2o.identity.Role;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A customer joins on the store page and shows the card; a cashier finds them; an owner browses the members. */
class MembershipBrowserTests extends BrowserTest {

    private String hire(Fixtures.MerchantFixture merchant, Role role, Set<UUID> stores) {
        var username = Fixtures.unique(role.name().toLowerCase());
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", username, "password", "password-1",
                "displayName", "员工", "role", role.name(), "storeIds", stores), merchant.ownerToken());
        org.assertj.core.api.Assertions.assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        return username;
    }

    private static void signInAsStaffOn(Page page, String username) {
        page.navigate("/staff/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill("password-1");
        page.locator("#staff-submit").click();
        page.waitForURL(url -> !url.contains("/staff/login"));
    }

    @Test
    void aCustomerJoinsOnTheStorePageAndSeesTheCardWithAQrCodeThenACashierFindsThemByPhone() {
        var merchant = fixtures.approvedMerchant("会员小馆");
        var store = fixtures.store(merchant, Fixtures.unique("会员小馆店"), 31.2, 121.4, "本帮菜");

        page.navigate("/stores/" + store);
        page.locator("#signin-to-join").click();
        page.waitForURL("**/signin?next=**");
        var number = Fixtures.uniquePhone();
        enterSmsCode(page, number);
        page.waitForURL("**/stores/" + store);

        page.locator("#join-membership").click();
        page.waitForURL("**/me/memberships/" + merchant.id());
        assertThat(page.locator("#card-merchant")).hasText("会员小馆");
        var qr = page.locator("#member-qr-image");
        assertThat(qr).isVisible();
        page.waitForFunction("() => { const i = document.querySelector('#member-qr-image');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        assertThat(page.locator("#member-qr-code")).hasText(Pattern.compile("^\\d{4}( \\d{1,4})+$"));
        assertThat(page.locator("#card-points")).hasText("0 积分");

        page.locator("#nav-cards").click();
        page.waitForURL("**/me/memberships");
        assertThat(page.locator("#cards .member-merchant")).hasText("会员小馆");
        page.navigate("/stores/" + store);
        assertThat(page.locator("#to-card")).isVisible();

        var counter = newPhone().newPage();
        signInAsStaffOn(counter, hire(merchant, Role.CASHIER, Set.of(store)));
        counter.locator("#to-member-lookup").click();
        counter.waitForURL("**/merchant/members/lookup");
        counter.locator("#lookup-phone").fill(number);
        counter.locator("#lookup-submit").click();
        assertThat(counter.locator("#member-found")).isVisible();
        assertThat(counter.locator("#found-phone")).hasText(number.substring(0, 3) + "****" + number.substring(7));
        assertThat(counter.locator("#found-points")).hasText("0 积分");

        var walkIn = Fixtures.uniquePhone();
        counter.locator("#lookup-phone").fill(walkIn);
        counter.locator("#lookup-submit").click();
        assertThat(counter.locator("#member-not-found")).isVisible();
        counter.locator("#join-name").fill("张阿姨");
        counter.locator("#join-at-counter").click();
        assertThat(counter.locator("#member-found .outcome-title")).hasText("已加入会员");
        assertThat(counter.locator("#found-name")).hasText("张阿姨");
    }

    @Test
    void anOwnerSearchesTheMemberListAndOpensAProfile() {
        var merchant = fixtures.approvedMerchant("会员多多");
        var phones = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var phone = Fixtures.uniquePhone();
            phones.add(phone);
            var registered = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "顾客" + i),
                    merchant.ownerToken());
            org.assertj.core.api.Assertions.assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        }
        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.locator("#to-members").click();
        page.waitForURL("**/merchant/members");
        assertThat(page.locator(".member-row")).hasCount(3);

        var wanted = phones.get(1);
        page.locator("#member-search").fill(wanted.substring(5));
        assertThat(page.locator(".member-row")).hasCount(1);
        assertThat(page.locator(".member-row .member-name")).hasText("顾客1");
        page.locator("#member-search").fill("没有这个人");
        assertThat(page.locator("#members-empty")).isVisible();
        page.locator("#member-search").fill("顾客1");
        assertThat(page.locator(".member-row")).hasCount(1);

        page.locator(".member-row a").click();
        page.waitForURL("**/merchant/members/*");
        assertThat(page.locator("#profile-phone")).hasText(wanted.substring(0, 3) + "****" + wanted.substring(7));
        assertThat(page.locator("#profile-name")).hasText("顾客1");
        assertThat(page.locator("#profile-visits")).hasText("0");
        assertThat(page.locator("#profile-joined")).containsText("到店登记");
    }

    @Test
    void aCustomerJoinsAtCheckoutWithTheBoxTickedForThem() {
        var merchant = fixtures.approvedMerchant("下单入会");
        var store = fixtures.store(merchant, Fixtures.unique("下单入会店"), 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 4900, null, false, "ANYTIME");

        page.navigate("/deals/" + deal);
        page.locator("#signin-to-buy").click();
        page.waitForURL("**/signin?next=**");
        var number = Fixtures.uniquePhone();
        enterSmsCode(page, number);
        page.waitForURL("**/deals/" + deal);

        assertThat(page.locator("#join-membership")).isChecked();
        page.locator("#buy").click();
        page.waitForURL("**/sandbox/pay/**");
        var member = api.get("/api/v1/merchant/members/lookup?phone=" + number, merchant.ownerToken());
        org.assertj.core.api.Assertions.assertThat(member.status()).as(member.raw()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(member.text("channel")).isEqualTo("checkout");

        page.navigate("/deals/" + deal);
        assertThat(page.locator("#already-member")).isVisible();
        assertThat(page.locator("#join-membership")).hasCount(0);
    }
}
