package o2o.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import o2o.notifications.Notifications;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole loop: a deal bought online, paid through the sandbox gateway, redeemed at the counter once. */
class DealToVoucherIntegrationTests extends ApiTest {

    @Autowired
    Notifications notifications;

    @Test
    void aCustomerBuysPaysAndACashierRedeemsOnce() {
        var merchant = fixtures.approvedMerchant("闭环餐厅");
        var store = fixtures.store(merchant, "闭环一店", 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 9900, 100, false, "ANYTIME");
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);

        var order = fixtures.order(customer, deal, 2);
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        assertThat(order.text("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(order.body().path("totalAmount").path("minor").asLong()).isEqualTo(19800);
        var orderId = order.text("id");

        fixtures.pay(customer, orderId, true);
        var vouchers = fixtures.vouchersOf(customer, 2);
        assertThat(vouchers.size()).isEqualTo(2);
        var voucher = vouchers.get(0);
        assertThat(voucher.path("code").asString()).matches("\\d{12}");
        assertThat(voucher.path("status").asString()).isEqualTo("ISSUED");
        assertThat(voucher.path("dealId").asString()).isEqualTo(deal.toString());
        assertThat(voucher.path("qrUrl").asString()).endsWith("/qr.png");
        assertThat(api.get("/api/v1/me/orders/" + orderId, customer).text("status")).isEqualTo("PAID");
        assertThat(api.get("/api/v1/dev/inbox?phone=" + phone).raw()).contains("已出券 2 张");

        var cashier = fixtures.staff(merchant, o2o.identity.Role.CASHIER, Set.of(store));
        var redeemed = api.post("/api/v1/merchant/redemptions",
                Map.of("code", voucher.path("code").asString(), "storeId", store, "device", "counter-1"), cashier);
        assertThat(redeemed.status()).as(redeemed.raw()).isEqualTo(200);
        assertThat(redeemed.text("device")).isEqualTo("counter-1");
        assertThat(api.get("/api/v1/me/orders/" + orderId, customer).text("status"))
                .as("one voucher of two used: the order is not complete").isEqualTo("PAID");
        assertThat(api.get("/api/v1/merchant/redemptions?storeId=" + store, cashier).body().get(0))
                .as("the answer is the redemption as recorded").isEqualTo(redeemed.body());

        var again = api.post("/api/v1/merchant/redemptions",
                Map.of("code", voucher.path("code").asString(), "storeId", store), cashier);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("type")).isEqualTo("urn:o2o:problem:voucher-already-redeemed");
        assertThat(again.text("storeName")).isEqualTo("闭环一店");
        assertThat(again.text("redeemedAt")).isNotBlank();

        var qr = api.get("/api/v1/me/vouchers/" + vouchers.get(1).path("id").asString() + "/qr-token", customer);
        var byQr = api.post("/api/v1/merchant/redemptions",
                Map.of("qrToken", qr.text("token"), "storeId", store), cashier);
        assertThat(byQr.status()).as(byQr.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/orders/" + orderId, customer).text("status")).isEqualTo("COMPLETED");
    }

    @Test
    void theVoucherMessageCarriesTheCodeAndAnAbsoluteLinkToItsQrCode() {
        var merchant = fixtures.approvedMerchant("券码短信");
        var store = fixtures.store(merchant, "券码一店", 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 5900, 100, false, "ANYTIME");
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var orderId = fixtures.order(customer, deal, 1).text("id");

        fixtures.pay(customer, orderId, true);
        var code = fixtures.vouchersOf(customer, 1).get(0).path("code").asString();
        var link = "http://localhost:8080/me/vouchers?order=" + orderId;

        var sms = Awaitility.await().atMost(Duration.ofSeconds(5)).until(
                () -> api.get("/api/v1/dev/inbox?phone=" + phone).body().get(0),
                message -> "VOUCHERS_ISSUED".equals(message.path("kind").asString()));
        assertThat(sms.path("body").asString()).contains(code).contains(link);
        assertThat(sms.path("params").path("codes").asString()).isEqualTo(code);
        assertThat(sms.path("params").path("link").asString()).isEqualTo(link);
        var customerId = api.get("/api/v1/me", customer).text("id");
        assertThat(notifications.latestTo(customerId, 1).getFirst().body()).contains(code).contains(link);
    }

    @Test
    void dealsShowInNearbyResultsAndOnTheStoresDealList() {
        var lat = java.util.concurrent.ThreadLocalRandom.current().nextDouble(-40, 40);
        var lng = java.util.concurrent.ThreadLocalRandom.current().nextDouble(-100, 100);
        var merchant = fixtures.approvedMerchant("有团购");
        var store = fixtures.store(merchant, "团购店", lat, lng, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 6800, 3, true, "ANYTIME");

        var nearby = api.get("/api/v1/stores/nearby?lat=%s&lng=%s&radiusMeters=500".formatted(lat, lng));
        var highlight = nearby.body().path("items").get(0).path("highlights").get(0);
        assertThat(highlight.path("id").asString()).isEqualTo(deal.toString());
        assertThat(highlight.path("kind").asString()).isEqualTo("FLASH_SALE");
        assertThat(highlight.path("price").path("minor").asLong()).isEqualTo(6800);

        var list = api.get("/api/v1/stores/" + store + "/deals");
        assertThat(list.body().get(0).path("stockLeft").asInt()).isEqualTo(3);
        assertThat(list.body().get(0).path("perCustomerLimit").asInt()).as("flash sales sell one each").isEqualTo(1);

        api.post("/api/v1/merchant/deals/" + deal + "/end", null, merchant.ownerToken());
        var after = api.get("/api/v1/stores/nearby?lat=%s&lng=%s&radiusMeters=500".formatted(lat, lng));
        assertThat(after.body().path("items").get(0).path("highlights").size()).isZero();
        assertThat(api.get("/api/v1/deals/" + deal).status()).isEqualTo(404);
    }

    @Test
    void aFailedPaymentLeavesTheOrderPayable() {
        var merchant = fixtures.approvedMerchant("失败支付");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 5000, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, 1).text("id");
        fixtures.pay(customer, orderId, false);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/me/orders/" + orderId, customer).text("status").equals("PENDING_PAYMENT"));
        fixtures.pay(customer, orderId, true);
        assertThat(fixtures.vouchersOf(customer, 1).size()).isEqualTo(1);
    }

}
