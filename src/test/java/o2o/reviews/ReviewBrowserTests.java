package o2o.reviews;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * On a phone, a customer reviews a member's sale from the order's page, the store's page shows it with the average
 * and count, and the merchant (a second phone) replies to the low score in the inbox and marks it resolved.
 */
class ReviewBrowserTests extends BrowserTest {

    @Test
    void aCustomerReviewsFromTheOrderPageAndTheMerchantRepliesInTheInbox() {
        var world = new ReviewFixtures(api, fixtures, port);
        var shop = world.shop("评价浏览器");
        var phone = Fixtures.uniquePhone();
        page.navigate("/signin");
        enterSmsCode(page, phone);
        page.waitForURL(url -> !url.contains("/signin"));
        var order = world.counterMemberSale(shop, phone);
        page.navigate("/me/orders/" + order);
        page.locator("#order-review-link").click();
        page.waitForURL("**/me/orders/" + order + "/review");
        page.locator("#review-taste-2").check();
        page.locator("#review-environment-3").check();
        page.locator("#review-service-1").check();
        page.locator("#review-text").fill("上菜太慢，等了四十分钟");
        page.locator("#review-photos").fill("http://img.example.com/a.jpg");
        page.locator("#review-submit").click();
        assertThat(page.locator("#errors")).containsText("photos[0]");
        page.locator("#review-photos").fill("https://img.example.com/a.jpg");
        page.locator("#review-submit").click();
        assertThat(page.locator("#review-thanks")).isVisible();
        assertThat(page.locator(".review .review-text")).hasText("上菜太慢，等了四十分钟");

        page.navigate("/me/orders/" + order);
        assertThat(page.locator("#order-review .review-text")).hasText("上菜太慢，等了四十分钟");

        page.navigate("/stores/" + shop.store());
        assertThat(page.locator("#store-rating")).hasText("★ 2 · 1 条评价");
        assertThat(page.locator("#store-review-list .review-text")).hasText("上菜太慢，等了四十分钟");

        var console = newPhone().newPage();
        console.navigate("/staff/login");
        console.locator("#username").fill(shop.merchant().ownerUsername());
        console.locator("#password").fill("password-1");
        console.locator("#staff-submit").click();
        console.waitForURL(url -> !url.contains("/staff/login"));
        console.locator("#to-reviews").click();
        console.waitForURL("**/merchant/reviews");
        var card = console.locator(".inbox-review").first();
        assertThat(card.locator(".review-flag")).isVisible();
        assertThat(card.locator(".review-deadline")).isVisible();
        card.locator(".review-reply-form textarea").fill("非常抱歉，已加派人手");
        card.locator(".review-reply-send").click();
        assertThat(console.locator(".inbox-review .review-reply-text")).hasText("非常抱歉，已加派人手");
        console.locator(".inbox-review .review-resolve").click();
        assertThat(console.locator(".inbox-review .review-resolved")).isVisible();
        assertThat(console.locator(".inbox-review .review-flag")).hasCount(0);

        page.navigate("/stores/" + shop.store());
        assertThat(page.locator("#store-review-list .review-reply p")).hasText("非常抱歉，已加派人手");
    }
}
