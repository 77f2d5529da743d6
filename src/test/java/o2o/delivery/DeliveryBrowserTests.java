package o2o.delivery;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static o2o.delivery.DeliveryFixtures.north;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Geolocation;
import o2o.identity.Role;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two phones: a customer adds an address from the phone's location, sees the quote, orders and pays; the store
 * accepts; a courier on the second phone goes on shift, takes the offer and picks it up, which the customer's page
 * shows with where the courier is; the courier hands it over with the code read off the customer's page.
 */
class DeliveryBrowserTests extends BrowserTest {

    /** The customer's page refreshes every 5 s and payment is confirmed in the background. */
    private static final double SLOW = 25_000;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCustomerOrdersToTheDoorAndACourierOnAnotherPhoneDeliversWithTheCode() {
        var delivery = new DeliveryFixtures(api, fixtures);
        var shop = delivery.deliveringShop("外卖浏览器", 6000);
        var home = north(2000);
        context.grantPermissions(List.of("geolocation"));
        context.setGeolocation(new Geolocation(home[0], home[1]));

        page.navigate("/stores/" + shop.store() + "/delivery");
        page.waitForURL("**/signin?next=**");
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/stores/" + shop.store() + "/delivery");
        assertThat(page.locator("#cart-empty")).isVisible();
        assertThat(page.locator("#address-none")).isVisible();
        assertThat(page.locator("#delivery-checkout")).isDisabled();

        page.locator("article[data-item-name='红烧肉'] .add-to-cart").click();
        page.waitForURL("**/delivery#cart");
        assertThat(page.locator("#cart-total")).hasText("¥48.00");

        addAddress(page, "家", null);
        assertThat(page.locator("#quote-fee")).hasText("¥5.00");
        assertThat(page.locator("#quote-minimum")).hasText("¥20.00");
        assertThat(page.locator("#quote-distance")).hasText("2.0 km");
        // 10 minutes in the kitchen, 12 waiting for a courier (none is on shift), 6 on the way at 20 km/h
        assertThat(page.locator("#quote-minutes")).hasText("约 28 分钟");
        assertThat(page.locator("#quote-thirty")).hasText("30分钟送达");
        assertThat(page.locator("#delivery-total")).hasText("¥53.00");

        page.locator("#delivery-note").fill("放门口");
        page.locator("#delivery-checkout").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥53.00");
        page.locator("#sandbox-confirm").click();
        page.waitForURL(Pattern.compile(".*/me/deliveries/[0-9a-f-]{36}$"));
        var orderId = page.url().substring(page.url().lastIndexOf('/') + 1);
        shows(page.locator("#delivery-status-text"), "已下单");
        assertThat(page.locator("#delivery-total")).hasText("¥53.00");
        assertThat(page.locator("#delivery-note")).hasText("备注：放门口");
        var code = page.locator("#delivery-code").textContent().strip();

        delivery.accept(shop, orderId);
        shows(page.locator("#delivery-status-text"), "已接单");
        assertThat(page.locator(".step[aria-current='step']")).hasText("已接单");

        fixtures.staff(shop.merchant(), Role.COURIER, Set.of());
        var courierName = jdbc.sql("select username from staff_account where merchant_id = :m and role = 'COURIER'")
                .param("m", shop.merchant().id()).query(String.class).single();
        var courierPhone = newPhone();
        var onTheWay = north(1000);
        courierPhone.grantPermissions(List.of("geolocation"));
        courierPhone.setGeolocation(new Geolocation(onTheWay[0], onTheWay[1]));
        Page courier = courierPhone.newPage();
        courier.navigate("/staff/login");
        courier.locator("#username").fill(courierName);
        courier.locator("#password").fill("password-1");
        courier.locator("#staff-submit").click();
        courier.waitForURL("**/merchant/courier");
        assertThat(courier.locator("#courier-shift-state")).hasText("已下线");
        courier.locator("#courier-shift").click();
        assertThat(courier.locator("#courier-shift-state")).hasText("接单中");

        var offer = courier.locator(".offer[data-order-id='" + orderId + "']");
        assertThat(offer.locator(".offer-fee")).hasText("¥5.00");
        assertThat(offer.locator(".offer-distance")).hasText("距门店 2.0 km");
        assertThat(offer.locator(".offer-address")).hasText("静安区某路 1 号");
        offer.locator(".offer-accept").click();
        var carried = courier.locator(".carried[data-order-id='" + orderId + "']");
        assertThat(carried.locator(".carried-status")).hasText("骑手已接单");
        shows(page.locator("#delivery-status-text"), "骑手已接单");
        assertThat(page.locator("#delivery-courier")).containsText("骑手：");

        carried.locator(".carried-picked-up").click();
        assertThat(carried.locator(".carried-status")).hasText("已取餐");
        assertThat(courier.locator("#courier-position-status")).hasText("位置已上报");
        shows(page.locator("#delivery-status-text"), "已取餐");
        shows(page.locator("#delivery-courier-position"), "骑手距你 1.0 km · 0 分钟前");

        carried.locator(".carried-code").fill(code.equals("0000") ? "1111" : "0000");
        carried.locator(".carried-delivered").click();
        assertThat(courier.locator("#courier-problem")).hasText("收货码不对，请再向顾客确认");
        carried.locator(".carried-code").fill(code);
        carried.locator(".carried-delivered").click();
        assertThat(courier.locator(".carried")).hasCount(0);
        assertThat(courier.locator("#courier-no-offers")).isVisible();

        shows(page.locator("#delivery-status-text"), "已送达");
        assertThat(page.locator(".step.done")).hasCount(5);
        assertThat(page.locator("#delivery-code")).hasCount(0);
    }

    @Test
    void theQuoteSaysWhenAnAddressIsOutsideTheZoneAndOrderingWaits() {
        var delivery = new DeliveryFixtures(api, fixtures);
        var shop = delivery.deliveringShop("外卖范围外", 6000);
        page.navigate("/stores/" + shop.store() + "/delivery");
        page.waitForURL("**/signin?next=**");
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/stores/" + shop.store() + "/delivery");
        page.locator("article[data-item-name='酸梅汤'] .add-to-cart").click();
        page.waitForURL("**/delivery#cart");

        addAddress(page, "远处", north(7000));
        assertThat(page.locator("#quote-problem")).hasText(shop.storeName() + " 不配送到这个地址");
        assertThat(page.locator("#quote-fee")).hasCount(0);
        assertThat(page.locator("#delivery-checkout")).isDisabled();

        addAddress(page, "公司", north(1000));
        assertThat(page.locator("#quote-fee")).hasText("¥5.00");
        assertThat(page.locator("#quote-below-minimum")).hasText("还差一点：起送价 ¥20.00（不含配送费）");
        assertThat(page.locator("#delivery-checkout")).isDisabled();

        page.locator("article[data-item-name='红烧肉'] .add-to-cart").click();
        page.waitForURL("**/delivery#cart");
        assertThat(page.locator("#delivery-checkout")).isEnabled();

        page.locator(".address-choice[data-label='远处'] input").check();
        assertThat(page.locator("#quote-problem")).hasText(shop.storeName() + " 不配送到这个地址");
        assertThat(page.locator("#delivery-checkout")).isDisabled();
        page.locator(".address-choice[data-label='公司'] input").check();
        assertThat(page.locator("#quote-fee")).hasText("¥5.00");
        assertThat(page.locator("#delivery-checkout")).isEnabled();
    }

    /** Adds an address on the delivery page: typed coordinates, or (null) the phone's location. */
    private void addAddress(Page page, String label, double @Nullable [] typed) {
        var box = page.locator("#new-address-box");
        if (box.getAttribute("open") == null) box.locator("summary").click();
        page.locator("#address-label").fill(label);
        page.locator("#address-contact").fill("王小姐");
        page.locator("#address-phone").fill(Fixtures.uniquePhone());
        page.locator("#address-text").fill("静安区某路 1 号");
        if (typed == null) {
            page.locator("#address-locate").click();
            assertThat(page.locator("#address-lat")).not().hasValue("");
        } else {
            page.locator("#address-lat").fill(String.valueOf(typed[0]));
            page.locator("#address-lng").fill(String.valueOf(typed[1]));
        }
        page.locator("#address-save").click();
        page.waitForURL("**/delivery?addressId=**");
        assertThat(page.locator(".address-choice[data-label='" + label + "'] input")).isChecked();
    }

    private static void shows(Locator locator, String text) {
        assertThat(locator).containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW));
    }
}
