package o2o.webhooks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;

import o2o.testing.BrowserTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An owner adds a webhook endpoint in the console, sends it a test event and sees it delivered. */
class WebhookConsoleBrowserTests extends BrowserTest {

    @Test
    void anOwnerAddsAnEndpointSendsATestEventAndSeesItDelivered() throws Exception {
        var merchant = fixtures.approvedMerchant("控制台推送");
        try (var receiver = new Receiver()) {
            signInAsStaff(merchant.ownerUsername(), "password-1");
            page.navigate("/merchant/webhooks");
            assertThat(page.locator("#no-webhooks")).isVisible();

            page.locator("#webhook-url").fill("ftp://example.com/hook");
            page.locator("input[name=eventTypes][value='order.paid']").check();
            page.locator("#webhook-url").evaluate("input => input.type = 'text'");
            page.locator("#add-webhook").click();
            assertThat(page.locator("#errors")).containsText("url");
            assertThat(page.locator("#no-webhooks")).isVisible();

            page.locator("#webhook-url").fill(receiver.url());
            page.locator("#webhook-description").fill("收银系统");
            page.locator("input[name=eventTypes][value='member.joined']").check();
            page.locator("#add-webhook").click();
            assertThat(page.locator("#new-secret")).containsText("只显示这一次");
            var secret = page.locator("#secret-value").textContent().strip();
            org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                    .as("the new secret wraps: the page does not scroll sideways")
                    .isLessThanOrEqualTo(page.viewportSize().width);
            var endpoint = page.locator(".webhook-endpoint");
            assertThat(endpoint).containsText(receiver.url());
            assertThat(endpoint).containsText("收银系统");
            assertThat(endpoint).containsText("会员入会");
            assertThat(endpoint).containsText("订单支付");

            endpoint.locator(".send-test").click();
            assertThat(page.locator("#notice")).containsText("测试事件");
            assertThat(page.locator("#new-secret")).hasCount(0);
            var received = receiver.awaitRequests(1).getFirst();
            org.assertj.core.api.Assertions.assertThat(received.signedWith(secret)).isTrue();
            org.assertj.core.api.Assertions.assertThat(received.json().path("type").asString())
                    .isEqualTo("webhook.test");

            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
                page.reload();
                return page.locator(".delivery[data-status=DELIVERED]").count() == 1;
            });
            var delivery = page.locator(".delivery");
            assertThat(delivery).containsText("webhook.test");
            assertThat(delivery).containsText("已送达");
            assertThat(delivery.locator(".attempt")).hasCount(1);
            assertThat(delivery.locator(".attempt")).containsText("HTTP 200");
        }
    }
}
