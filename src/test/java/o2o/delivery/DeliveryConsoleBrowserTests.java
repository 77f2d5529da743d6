package o2o.delivery;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import o2o.delivery.persistence.DeliveryRows;
import o2o.shared.CustomerId;
import o2o.shared.GeoPoint;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone, the store's delivery console takes a paid order in, marks it ready and gives it to the suggested
 * courier in one tap; the dashboard's delivery panel draws its chart and its table by store.
 */
class DeliveryConsoleBrowserTests extends BrowserTest {

    @Autowired
    DeliveryRows rows;

    @Test
    void theOwnerAcceptsMarksReadyAndAssignsTheSuggestedCourierOnAPhone() {
        var delivery = new DeliveryFixtures(api, fixtures);
        var shop = delivery.deliveringShop("外卖控制台浏览器", 6000);
        var phone = Fixtures.uniquePhone();
        var id = delivery.paidOrder(shop, fixtures.customerToken(phone), phone);
        var li = new ConsoleFixtures(api, fixtures).courierOnShift(shop, "小李");

        signInAsStaff(shop.merchant().ownerUsername(), "password-1");
        page.locator(".store-delivery").first().click();
        page.waitForURL("**/merchant/stores/" + shop.store() + "/delivery");
        var ticket = page.locator(".delivery-ticket[data-order-id='" + id + "']");
        assertThat(ticket.locator(".ticket-status")).hasText("新订单");
        assertThat(ticket.locator(".line")).hasText(java.util.regex.Pattern.compile("红烧肉\\s*× 2"));
        assertThat(ticket.locator(".ticket-note")).hasText("备注：少辣");
        assertThat(page.locator("#dispatch-empty")).isVisible();

        ticket.locator(".ticket-accept").click();
        assertThat(ticket.locator(".ticket-status")).hasText("已接单");
        ticket.locator(".ticket-ready").click();
        assertThat(ticket.locator(".ticket-ready-at")).hasText("已出餐");

        var suggestion = page.locator(".suggestion[data-courier='" + li.id() + "']");
        assertThat(suggestion.locator(".suggestion-order")).hasAttribute("data-order-id", id);
        suggestion.locator(".assign-suggested").click();
        assertThat(ticket.locator(".ticket-status")).hasText("已派骑手");
        assertThat(ticket.locator(".ticket-courier")).hasText("骑手：小李");
        assertThat(page.locator("#dispatch-empty")).isVisible();
        assertThat(page.locator(".courier[data-courier='" + li.id() + "'] .badge")).hasText("配送中 1 单");
        var seen = api.get(DeliveryFixtures.desk(shop.store()) + "/" + id, shop.merchant().ownerToken()).body();
        org.assertj.core.api.Assertions.assertThat(seen.path("status").asString()).isEqualTo("COURIER_ASSIGNED");
        org.assertj.core.api.Assertions.assertThat(seen.path("courierName").asString()).isEqualTo("小李");
    }

    @Test
    void theDashboardShowsTheDeliveryPanelWithItsChart() {
        var delivery = new DeliveryFixtures(api, fixtures);
        var shop = delivery.shop("外卖看板浏览器");
        var now = clock.instant();
        delivered(shop, now.minus(Duration.ofHours(2)), 20);
        delivered(shop, now.minus(Duration.ofHours(1)), 45);

        signInAsStaff(shop.merchant().ownerUsername(), "password-1");
        page.navigate("/merchant/dashboard");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('#chart-delivery'))");
        org.assertj.core.api.Assertions.assertThat((Integer) page.locator("#chart-delivery").evaluate("c => c.width"))
                .isGreaterThan(0);
        @SuppressWarnings("unchecked")
        var delivered = (List<Number>) page.evaluate(
                "() => Chart.getChart(document.querySelector('#chart-delivery')).data.datasets[0].data");
        org.assertj.core.api.Assertions.assertThat(delivered).hasSize(30);
        org.assertj.core.api.Assertions.assertThat(delivered.stream().mapToLong(Number::longValue).sum())
                .isEqualTo(2);
        assertThat(page.locator("#delivery-total-delivered")).hasText("2");
        assertThat(page.locator("#delivery-total-on-time")).hasText("50.0%");
        var row = page.locator(".delivery-store-row[data-store='" + shop.store() + "']");
        assertThat(row.locator("td").first()).hasText(shop.storeName());
        assertThat(row.locator(".p50")).hasText("32.5");
        assertThat(row.locator(".fees")).hasText("10.00");

        page.locator("#period-7").click();
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('#chart-delivery'))"
                + " && Chart.getChart(document.querySelector('#chart-delivery')).data.labels.length === 7");

        page.navigate("/merchant");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('#chart-delivery'))");
        assertThat(page.locator("#delivery-total-paid")).hasText("2");
    }

    /** A delivered order of the shop, paid at {@code paidAt} with a 30-minute promise and a ¥5 fee. */
    private void delivered(DeliveryFixtures.Shop shop, java.time.Instant paidAt, int minutes) {
        var id = UUID.randomUUID();
        rows.insert(new Delivery(new OrderId(id), new MerchantId(shop.merchant().id()), new StoreId(shop.store()),
                new CustomerId(UUID.randomUUID()), UUID.randomUUID(), DeliveryStatus.CREATED,
                new Delivery.Destination("王小姐", "13800000000", "静安区某路 1 号", new GeoPoint(31.21, 121.4)), 2000,
                Money.cny(500), Money.cny(600), 30, null, "1234", "", DeliverySettings.OWN, null, null, null,
                paidAt.minusSeconds(60), null, null, null, null, null, null, null, null));
        org.assertj.core.api.Assertions.assertThat(rows.paid(id, paidAt.plus(Duration.ofMinutes(30)), paidAt)).isTrue();
        rows.advance(id, DeliveryStatus.ACCEPTED, List.of(DeliveryStatus.CREATED), null, paidAt.plusSeconds(60));
        rows.advance(id, DeliveryStatus.PICKED_UP, List.of(DeliveryStatus.ACCEPTED),
                new Delivery.Courier(UUID.randomUUID(), "小李"), paidAt.plusSeconds(300));
        org.assertj.core.api.Assertions.assertThat(rows.advance(id, DeliveryStatus.DELIVERED,
                List.of(DeliveryStatus.PICKED_UP), null, paidAt.plus(Duration.ofMinutes(minutes)))).isTrue();
    }
}
