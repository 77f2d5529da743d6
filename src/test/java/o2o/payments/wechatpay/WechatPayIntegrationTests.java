package o2o.payments.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.payments.Payments;
import o2o.payments.PaymentProvider;
import o2o.payments.ProviderAccounts;
import o2o.payments.StartPayment;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.json.JsonMapper;

/** WeChat Pay v3 through the running application and the real database, against the local fake of WeChat Pay. */
class WechatPayIntegrationTests extends ApiTest {

    @Autowired FakeWechatPay fake;
    @Autowired ProviderAccounts accounts;
    @Autowired Payments payments;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;

    record Shop(Fixtures.MerchantFixture merchant, UUID deal, FakeWechatPay.Merchant account) {}

    record Pending(Shop shop, String customer, String orderId, UUID paymentId, String outTradeNo,
            String redirectUrl) {}

    @BeforeEach
    void tellTheFakeWhereWeAre() {
        fake.appBaseUrl("http://127.0.0.1:" + port);
    }

    Shop shop(FakeWechatPay.Mode mode) {
        var merchant = fixtures.approvedMerchant("微信商户");
        var store = fixtures.store(merchant, "微信店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 1500, null, false, "ANYTIME");
        var account = fake.newMerchant(mode);
        accounts.save(owner(merchant), "wechatpay", json.valueToTree(account.settings(fake)));
        return new Shop(merchant, deal, account);
    }

    static StaffPrincipal owner(Fixtures.MerchantFixture merchant) {
        return new StaffPrincipal(UUID.randomUUID(), merchant.ownerUsername(), merchant.id(), Role.OWNER, Set.of());
    }

    Pending pending(Shop shop, int quantity) {
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, shop.deal(), quantity).text("id");
        var payment = api.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "wechatpay"), customer);
        assertThat(payment.status()).isEqualTo(201);
        assertThat(payment.text("status")).isEqualTo("PENDING");
        var paymentId = UUID.fromString(payment.text("id"));
        return new Pending(shop, customer, orderId, paymentId, paymentId.toString().replace("-", ""),
                payment.text("redirectUrl"));
    }

    String page(String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    String orderStatus(Pending pending) {
        return api.get("/api/v1/me/orders/" + pending.orderId(), pending.customer()).text("status");
    }

    String paymentStatus(Pending pending) {
        return jdbc.sql("select status from payment where id = :id").param("id", pending.paymentId())
                .query(String.class).single();
    }

    long paidTransitions(Pending pending) {
        return jdbc.sql("select count(*) from order_transition where order_id = :o and to_status = 'PAID'")
                .param("o", UUID.fromString(pending.orderId())).query(Long.class).single();
    }

    void awaitPaidWithVouchers(Pending pending, int vouchers) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> orderStatus(pending).equals("PAID"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/me/vouchers", pending.customer()).body().size() == vouchers);
    }

    @Test
    void aNativePaymentNotifiedByWechatPayPaysTheOrderOnceAndIssuesItsVouchers() throws Exception {
        var pending = pending(shop(FakeWechatPay.Mode.PUBLIC_KEY), 2);
        assertThat(pending.redirectUrl()).startsWith("/pay/wechatpay/" + pending.paymentId());
        assertThat(fake.order(pending.outTradeNo()).state()).isEqualTo("NOTPAY");
        var page = page(pending.redirectUrl());
        assertThat(page).contains("/pay/wechatpay/" + pending.paymentId() + "/qr.png");

        assertThat(fake.pay(pending.outTradeNo())).isEqualTo(204);

        awaitPaidWithVouchers(pending, 2);
        assertThat(paymentStatus(pending)).isEqualTo("SUCCEEDED");
        assertThat(paidTransitions(pending)).isEqualTo(1);
    }

    @Test
    void theSameNotificationFiveTimesAtOnceIsAppliedOnce() throws Exception {
        var pending = pending(shop(FakeWechatPay.Mode.PUBLIC_KEY), 1);
        var notification = fake.payWithoutNotifying(pending.outTradeNo(), 1500);

        var answers = Concurrently.atOnce(Collections.nCopies(5,
                (Callable<Integer>) () -> fake.deliver(notification).statusCode()));

        assertThat(answers).containsOnly(204);
        awaitPaidWithVouchers(pending, 1);
        assertThat(jdbc.sql("select count(*) from payment_webhook_event where provider = 'wechatpay' and event_id = :e")
                .param("e", json.readTree(notification.body()).path("id").asString()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(paidTransitions(pending)).isEqualTo(1);
        assertThat(fake.deliver(notification).statusCode()).as("a later redelivery is acknowledged").isEqualTo(204);
        assertThat(paidTransitions(pending)).isEqualTo(1);
    }

    @Test
    void forgedTamperedStaleAndMisaddressedNotificationsAreRefusedAndChangeNothing() throws Exception {
        var shop = shop(FakeWechatPay.Mode.PUBLIC_KEY);
        var pending = pending(shop, 1);
        var genuine = fake.payWithoutNotifying(pending.outTradeNo(), 1500);

        var forged = fake.deliver(genuine.withHeader("Wechatpay-Signature",
                java.util.Base64.getEncoder().encodeToString(new byte[256])));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("\"code\":\"FAIL\"");
        assertThat(fake.deliver(genuine.withBody(genuine.body().replace("支付成功", "退款成功"))).statusCode())
                .as("body changed after signing").isEqualTo(401);
        assertThat(fake.deliver(genuine.withHeader("Wechatpay-Serial", "PUB_KEY_ID_0000000000")).statusCode())
                .as("signed by a key we do not know").isEqualTo(401);
        assertThat(fake.deliver(fake.transactionNotification(pending.outTradeNo(),
                Instant.now().minus(Duration.ofMinutes(10)))).statusCode()).as("stale").isEqualTo(401);
        assertThat(fake.deliver(fake.transactionNotification(pending.outTradeNo(),
                Instant.now().plus(Duration.ofMinutes(10)))).statusCode()).as("from the future").isEqualTo(401);

        var resource = "{\"mchid\":\"1999999999\",\"appid\":\"" + shop.account().appId() + "\",\"out_trade_no\":\""
                + pending.outTradeNo() + "\",\"transaction_id\":\"4200000001\",\"trade_state\":\"SUCCESS\","
                + "\"amount\":{\"total\":1500,\"payer_total\":1500,\"currency\":\"CNY\"}}";
        var notifyUrl = "http://x/api/v1/payments/notify/wechatpay/" + shop.merchant().id();
        assertThat(fake.deliver(fake.notification(shop.account().mchId(), notifyUrl, "TRANSACTION.SUCCESS",
                "transaction", resource, Instant.now())).statusCode()).as("another mchid").isEqualTo(400);
        assertThat(fake.deliver(fake.notification(shop.account().mchId(), notifyUrl, "TRANSACTION.SUCCESS",
                "transaction", resource.replace("1999999999", shop.account().mchId())
                        .replace(shop.account().appId(), "wx0000000000000000"), Instant.now())).statusCode())
                .as("another app").isEqualTo(400);

        var other = shop(FakeWechatPay.Mode.PUBLIC_KEY);
        var otherUrl = "http://x/api/v1/payments/notify/wechatpay/" + other.merchant().id();
        assertThat(fake.deliver(fake.notification(other.account().mchId(), otherUrl, "TRANSACTION.SUCCESS",
                "transaction", resource.replace("1999999999", other.account().mchId())
                        .replace(shop.account().appId(), other.account().appId()), Instant.now())).statusCode())
                .as("a payment of another merchant").isEqualTo(400);
        var toOther = new FakeWechatPay.Notification(genuine.url().replace(shop.merchant().id().toString(),
                other.merchant().id().toString()), genuine.headers(), genuine.body());
        assertThat(fake.deliver(toOther).statusCode()).as("sent to another merchant's address").isIn(400, 401);

        assertThat(paymentStatus(pending)).isEqualTo("PENDING");
        assertThat(orderStatus(pending)).isEqualTo("PENDING_PAYMENT");
        assertThat(jdbc.sql("select count(*) from payment_webhook_event where provider = 'wechatpay' and event_id = :e")
                .param("e", json.readTree(genuine.body()).path("id").asString()).query(Long.class).single()).isZero();
    }

    @Test
    void aNotifiedAmountThatDiffersIsNotTakenAsPaidAndWhatCameIsPaidBack() throws Exception {
        var pending = pending(shop(FakeWechatPay.Mode.PUBLIC_KEY), 1);

        assertThat(fake.deliver(fake.payWithoutNotifying(pending.outTradeNo(), 1)).statusCode()).isEqualTo(204);

        assertThat(paymentStatus(pending)).isEqualTo("MISMATCH");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fake.refundedOf(pending.outTradeNo()) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select status from refund where payment_id = :p").param("p", pending.paymentId())
                .query(String.class).single().equals("SUCCEEDED"));
        assertThat(orderStatus(pending)).isEqualTo("PENDING_PAYMENT");
        assertThat(paidTransitions(pending)).isZero();
    }

    @Test
    void aPaymentNeverNotifiedIsCompletedByThePendingPaymentsQuery() {
        var pending = pending(shop(FakeWechatPay.Mode.PUBLIC_KEY), 1);
        fake.payWithoutNotifying(pending.outTradeNo(), 1500);

        clock.advance(Duration.ofMinutes(3));
        ReflectionTestUtils.invokeMethod(context.getBean("pendingPayments"), "queryOverdue");

        awaitPaidWithVouchers(pending, 1);
        assertThat(paymentStatus(pending)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRefundWhoseFirstCallTimesOutIsSentAgainWithTheSameNumberAndRefundedOnce() throws Exception {
        var pending = pending(shop(FakeWechatPay.Mode.PUBLIC_KEY), 1);
        assertThat(fake.pay(pending.outTradeNo())).isEqualTo(204);
        awaitPaidWithVouchers(pending, 1);

        fake.timeOutNextRefund();
        payments.refund(UUID.fromString(pending.orderId()), new Money(1500, WechatPayGateway.CNY),
                "test:" + UUID.randomUUID());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select status from refund where payment_id = :p").param("p", pending.paymentId())
                .query(String.class).single().equals("SUCCEEDED"));
        assertThat(jdbc.sql("select attempts from refund where payment_id = :p").param("p", pending.paymentId())
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(fake.refundsOf(pending.outTradeNo())).isEqualTo(1);
        assertThat(fake.refundedOf(pending.outTradeNo())).isEqualTo(1500);
    }

    @Test
    void aCertificateModeMerchantIsPaidQueriedAndRefundedAsWell() throws Exception {
        var pending = pending(shop(FakeWechatPay.Mode.CERTIFICATE), 1);
        assertThat(fake.pay(pending.outTradeNo())).isEqualTo(204);
        awaitPaidWithVouchers(pending, 1);

        payments.refund(UUID.fromString(pending.orderId()), new Money(500, WechatPayGateway.CNY),
                "test:" + UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select status from refund where payment_id = :p").param("p", pending.paymentId())
                .query(String.class).single().equals("SUCCEEDED"));
        assertThat(fake.refundedOf(pending.outTradeNo())).isEqualTo(500);

        var forged = fake.transactionNotification(pending.outTradeNo(), Instant.now())
                .withHeader("Wechatpay-Serial", "ABCDEF0123");
        assertThat(fake.deliver(forged).statusCode()).as("a certificate we were not given").isEqualTo(401);
    }

    @Test
    void insideWechatThePayerMustBeKnownByOpenidAndGetsWechatsCashierSigned() throws Exception {
        var shop = shop(FakeWechatPay.Mode.PUBLIC_KEY);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var order = fixtures.order(customer, shop.deal(), 1);
        var orderId = UUID.fromString(order.text("id"));
        var customerId = UUID.fromString(api.get("/api/v1/me", customer).text("id"));

        assertThatThrownBy(() -> payments.start(new StartPayment(new OrderId(orderId),
                new MerchantId(shop.merchant().id()), new CustomerId(customerId),
                new Money(1500, WechatPayGateway.CNY), "wechatpay", "团购", "/me/orders/" + orderId,
                PaymentProvider.Scene.IN_WECHAT, null)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status().value()).isEqualTo(400));

        var payment = payments.start(new StartPayment(new OrderId(orderId), new MerchantId(shop.merchant().id()),
                new CustomerId(customerId),
                new Money(1500, WechatPayGateway.CNY), "wechatpay", "团购", "/me/orders/" + orderId,
                PaymentProvider.Scene.IN_WECHAT, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
        assertThat(payment.providerRef()).isEqualTo("wx" + payment.id().toString().replace("-", ""));
        var page = page(payment.redirectUrl());
        assertThat(page).contains("paySign", "prepay_id=" + payment.providerRef(), shop.account().appId());
    }

    @Test
    void merchantSettingsAreCheckedByTheApiAndOnlyWhatIsNotSecretIsShown() {
        var merchant = fixtures.approvedMerchant("微信设置");
        var path = "/api/v1/merchant/payment-providers/wechatpay";
        var settings = new java.util.LinkedHashMap<>(fake.newMerchant(FakeWechatPay.Mode.PUBLIC_KEY).settings(fake));

        var saved = api.put(path, settings, merchant.ownerToken());
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().path("settings").path("mode").asString()).isEqualTo("PUBLIC_KEY");
        assertThat(saved.body().path("settings").path("platformPublicKeyId").asString())
                .isEqualTo(FakeWechatPay.PUBLIC_KEY_ID);
        assertThat(saved.body().toString()).doesNotContain("PRIVATE KEY", "PUBLIC KEY", settings.get("apiV3Key").toString());

        for (var wrong : Map.of("privateKey", "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----",
                "platformPublicKey", "garbage", "apiV3Key", "too-short", "mchId", "abc",
                "platformPublicKeyId", "KEY_1").entrySet()) {
            var bad = new java.util.LinkedHashMap<>(settings);
            bad.put(wrong.getKey(), wrong.getValue());
            var refused = api.put(path, bad, merchant.ownerToken());
            assertThat(refused.status()).as(wrong.getKey()).isEqualTo(400);
            assertThat(refused.body().toString()).as(wrong.getKey()).contains(wrong.getKey());
        }

        var certificates = new java.util.LinkedHashMap<>(fake.newMerchant(FakeWechatPay.Mode.CERTIFICATE).settings(fake));
        var certificateMode = api.put(path, certificates, merchant.ownerToken());
        assertThat(certificateMode.status()).isEqualTo(200);
        assertThat(certificateMode.body().path("settings").path("platformCertificateSerialNumbers").get(0).asString())
                .isEqualTo(fake.certificateSerial());
        certificates.put("platformCertificates",
                java.util.List.of("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
        assertThat(api.put(path, certificates, merchant.ownerToken()).status()).isEqualTo(400);
    }
}
