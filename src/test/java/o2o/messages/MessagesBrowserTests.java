package o2o.messages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.stream.IntStream;

import o2o.identity.Customers;
import o2o.notifications.Notifications;
import o2o.shared.PhoneNumber;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A customer sees how many messages are unread in the navigation, opens them, and the count goes. */
class MessagesBrowserTests extends BrowserTest {

    @Autowired
    Notifications notifications;

    @Autowired
    Customers customers;

    private java.util.UUID signIn() {
        var phone = Fixtures.uniquePhone();
        page.navigate("/signin");
        enterSmsCode(page, phone);
        page.waitForURL(url -> !url.contains("/signin"));
        return customers.byPhone(PhoneNumber.parse(phone)).orElseThrow().customerId();
    }

    @Test
    void aCustomerSeesTheUnreadBadgeOpensTheirMessagesAndTheBadgeGoes() {
        var customer = signIn();
        page.navigate("/");
        assertThat(page.locator("#nav-messages")).isVisible();
        assertThat(page.locator("#nav-unread")).hasCount(0);

        notifications.inApp(customer, o2o.notifications.MessageKind.VOUCHERS_ISSUED, "您的券码 1234 5678 9012 已到账");
        notifications.inApp(customer, o2o.notifications.MessageKind.VOUCHERS_ISSUED, "预订成功：明天 18:00，4 人");
        page.reload();
        assertThat(page.locator("#nav-unread")).hasText("2");

        page.locator("#nav-messages").click();
        page.waitForURL("**/me/messages");
        assertThat(page.locator(".message")).hasCount(2);
        assertThat(page.locator(".message").first()).containsText("预订成功");
        assertThat(page.locator(".message.unread")).hasCount(2);
        assertThat(page.locator("#nav-unread")).hasCount(0);

        page.reload();
        assertThat(page.locator(".message.unread")).hasCount(0);
        assertThat(page.locator("#nav-unread")).hasCount(0);
    }

    @Test
    void loadingMoreShowsTheOlderMessagesAndReadsThemToo() {
        var customer = signIn();
        IntStream.range(0, 25).forEach(i -> notifications.inApp(customer, o2o.notifications.MessageKind.VOUCHERS_ISSUED, "第 " + i + " 条"));
        page.navigate("/me/messages");
        assertThat(page.locator(".message")).hasCount(20);
        assertThat(page.locator("#nav-unread")).hasText("5");
        assertThat(page.locator("#mark-all-read")).isVisible();

        page.locator("#load-more").click();
        assertThat(page.locator(".message")).hasCount(25);
        assertThat(page.locator(".message").last()).containsText("第 0 条");
        assertThat(page.locator("#load-more")).hasCount(0);
        assertThat(page.locator("#nav-unread")).hasCount(0);
    }

    @Test
    void theMarkAllReadButtonReadsWhatThePageHasNotShown() {
        var customer = signIn();
        IntStream.range(0, 21).forEach(i -> notifications.inApp(customer, o2o.notifications.MessageKind.VOUCHERS_ISSUED, "通知 " + i));
        page.navigate("/me/messages");
        assertThat(page.locator("#nav-unread")).hasText("1");
        page.locator("#mark-all-read button").click();
        page.waitForURL("**/me/messages");
        assertThat(page.locator("#nav-unread")).hasCount(0);
        assertThat(page.locator("#mark-all-read")).hasCount(0);
    }
}
