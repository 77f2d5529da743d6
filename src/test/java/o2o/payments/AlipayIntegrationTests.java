package o2o.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.payments.alipay.FakeAlipay;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alipay, through the running application and its real database, against a local fake of Alipay's open API that signs
 * and verifies as Alipay does (RSA2, public-key and certificate modes).
 */
class AlipayIntegrationTests extends ApiTest {

    @Autowired
    FakeAlipay alipay;

    @Autowired
    ProviderAccounts accounts;

    @Autowired
    PendingPayments pendingPayments;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    record Shop(Fixtures.MerchantFixture merchant, UUID deal, FakeAlipay.App app) {}

    record Started(Shop shop, String customer, String orderId, String paymentId, String outTradeNo, String redirectUrl) {}

    Shop shop(boolean certificateMode) {
        var merchant = fixtures.approvedMerchant("支付宝商户");
        var store = fixtures.store(merchant, "支付宝店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 1500, null, false, "ANYTIME");
        var app = alipay.newApp(certificateMode);
        var saved = accounts.save(owner(merchant), "alipay", json.valueToTree(app.settings()));
        assertThat(saved.settings()).containsOnlyKeys("appId", "sellerId", "mode");
        return new Shop(merchant, deal, app);
    }

    static StaffPrincipal owner(Fixtures.MerchantFixture merchant) {
        return new StaffPrincipal(UUID.randomUUID(), merchant.ownerUsername(), merchant.id(), Role.OWNER, Set.of());
    }

    Started start(Shop shop, int quantity) {
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, shop.deal(), quantity).text("id");
        var payment = api.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "alipay"), customer);
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        var paymentId = payment.text("id");
        return new Started(shop, customer, orderId, paymentId, paymentId.replace("-", ""), payment.text("redirectUrl"));
    }

    String orderStatus(Started started) {
        return api.get("/api/v1/me/orders/" + started.orderId(), started.customer()).text("status");
    }

    String paymentStatus(Started started) {
        return jdbc.sql("select status from payment where id = :id").param("id", UUID.fromString(started.paymentId()))
                .query(String.class).single();
    }

    long paidTransitions(Started started) {
        return jdbc.sql("select count(*) from order_transition where order_id = :o and to_status = 'PAID'")
                .param("o", UUID.fromString(started.orderId())).query(Long.class).single();
    }

    String notifyUrl(Started started) {
        return "/api/v1/payments/notify/alipay/" + started.shop().merchant().id();
    }

    void paidAndVouchered(Started started, int vouchers) {
        assertThat(fixtures.vouchersOf(started.customer(), vouchers)).hasSize(vouchers);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> orderStatus(started).equals("PAID"));
        assertThat(paymentStatus(started)).isEqualTo("SUCCEEDED");
        assertThat(paidTransitions(started)).isEqualTo(1);
    }

    @Test
    void aCustomerSentToAlipaysCashierPaysAndTheNotificationMakesTheOrderPaidOnce() {
        var started = start(shop(false), 2);
        assertThat(started.redirectUrl()).startsWith(alipay.gatewayUrl()).contains("method=alipay.trade.wap.pay");
        var cashier = alipay.open(started.redirectUrl());
        assertThat(cashier.statusCode()).isEqualTo(200);
        assertThat(cashier.body()).contains("alipay-pay").contains("30.00");
        assertThat(alipay.trade(started.outTradeNo()).notifyUrl())
                .endsWith("/api/v1/payments/notify/alipay/" + started.shop().merchant().id());

        var answer = alipay.pay(started.outTradeNo());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("success");
        paidAndVouchered(started, 2);
    }

    @Test
    void theSameNotificationFiveTimesAtOnceIsAppliedOnceAndAnsweredSuccessEachTime() throws Exception {
        var started = start(shop(false), 2);
        alipay.open(started.redirectUrl());
        alipay.payWithoutNotifying(started.outTradeNo());
        var notification = alipay.notification(started.outTradeNo(), "TRADE_SUCCESS", null);
        var url = alipay.trade(started.outTradeNo()).notifyUrl();

        var answers = new java.util.ArrayList<HttpResponse<String>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var gate = new CountDownLatch(1);
            var futures = new java.util.ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < 5; i++) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return alipay.deliver(url, notification);
                }));
            }
            gate.countDown();
            for (var f : futures) answers.add(f.get());
        }

        assertThat(answers).allSatisfy(a -> assertThat(a.body()).isEqualTo("success"));
        paidAndVouchered(started, 2);
        assertThat(jdbc.sql("select count(*) from payment_webhook_event where provider = 'alipay' and event_id = :id")
                .param("id", notification.get("notify_id")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void forgedTamperedOrMisaddressedNotificationsAreAnsweredFailureAndChangeNothing() {
        var started = start(shop(false), 1);
        alipay.open(started.redirectUrl());
        alipay.payWithoutNotifying(started.outTradeNo());
        var url = alipay.trade(started.outTradeNo()).notifyUrl();
        var genuine = alipay.notification(started.outTradeNo(), "TRADE_SUCCESS", null);

        var forged = new HashMap<>(genuine);
        forged.put("sign", alipay.notification(started.outTradeNo(), "TRADE_CLOSED", null).get("sign"));
        var tampered = new HashMap<>(genuine);
        tampered.put("total_amount", "0.01");
        var otherApp = new HashMap<>(genuine);
        otherApp.put("app_id", "2021000000000001");
        var otherSeller = new HashMap<>(genuine);
        otherSeller.put("seller_id", "2088000000000001");
        var unsigned = new HashMap<>(genuine);
        unsigned.remove("sign");

        for (var refused : java.util.List.of(forged, tampered, alipay.signed(otherApp), alipay.signed(otherSeller),
                unsigned)) {
            var answer = alipay.deliver(url, refused);
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).isEqualTo("failure");
        }
        // genuine, but for another merchant's address: that merchant's keys and payments do not match
        var elsewhere = alipay.deliver(notifyUrl(start(shop(false), 1)), genuine);
        assertThat(elsewhere.body()).isEqualTo("failure");

        assertThat(paymentStatus(started)).isEqualTo("PENDING");
        assertThat(orderStatus(started)).isEqualTo("PENDING_PAYMENT");
        assertThat(jdbc.sql("select count(*) from payment_webhook_event where provider = 'alipay' and event_id = :id")
                .param("id", genuine.get("notify_id")).query(Long.class).single()).isZero();
    }

    @Test
    void anAmountThatDiffersButIsSignedIsNotTakenAsPaidAndWhatCameIsPaidBack() {
        var started = start(shop(false), 1);
        alipay.open(started.redirectUrl());
        alipay.payWithoutNotifying(started.outTradeNo());

        var answer = alipay.deliver(alipay.trade(started.outTradeNo()).notifyUrl(),
                alipay.notification(started.outTradeNo(), "TRADE_SUCCESS", "0.01"));

        assertThat(answer.body()).isEqualTo("success");
        assertThat(paymentStatus(started)).isEqualTo("MISMATCH");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> alipay.refundsOf(started.outTradeNo()).size() == 1);
        assertThat(alipay.refundsOf(started.outTradeNo()).getFirst().amount()).isEqualTo("0.01");
        assertThat(orderStatus(started)).isEqualTo("PENDING_PAYMENT");
        assertThat(paidTransitions(started)).isZero();
    }

    @Test
    void aPaymentAlipayNeverNotifiedIsCompletedByTheQueryJob() {
        var started = start(shop(false), 1);
        alipay.open(started.redirectUrl());
        alipay.payWithoutNotifying(started.outTradeNo());

        clock.advance(Duration.ofMinutes(3));
        pendingPayments.queryOverdue();

        paidAndVouchered(started, 1);
    }

    @Test
    void aPaymentNeverOpenedAtAlipayStaysOpenUntilItIsClosed() {
        var started = start(shop(false), 1);

        clock.advance(Duration.ofMinutes(3));
        pendingPayments.queryOverdue();
        assertThat(paymentStatus(started)).isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(30));
        pendingPayments.queryOverdue();
        assertThat(paymentStatus(started)).isEqualTo("FAILED");
    }

    @Test
    void aRefundWhoseFirstCallTimesOutIsSentAgainWithTheSameNumberAndRefundedOnce() {
        var started = start(shop(false), 2);
        alipay.open(started.redirectUrl());
        alipay.pay(started.outTradeNo());
        var vouchers = fixtures.vouchersOf(started.customer(), 2);
        alipay.timeOutOnNextRefund(Duration.ofSeconds(4));

        var refunded = api.post("/api/v1/me/vouchers/" + vouchers.get(0).path("id").asString() + "/refund", null,
                started.customer());
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select status from refund where order_id = :o").param("o", UUID.fromString(started.orderId()))
                .query(String.class).single().equals("SUCCEEDED"));
        var outRefundNo = jdbc.sql("select out_refund_no from refund where order_id = :o")
                .param("o", UUID.fromString(started.orderId())).query(String.class).single();
        assertThat(alipay.refundCalls().stream().filter(outRefundNo::equals).count()).isGreaterThanOrEqualTo(2);
        assertThat(alipay.refundsOf(started.outTradeNo())).singleElement()
                .satisfies(r -> {
                    assertThat(r.outRequestNo()).isEqualTo(outRefundNo);
                    assertThat(r.amount()).isEqualTo("15.00");
                });
    }

    @Test
    void inCertificateModeAPaymentIsOpenedNotifiedQueriedAndRefunded() {
        var started = start(shop(true), 1);
        var cashier = alipay.open(started.redirectUrl());
        assertThat(cashier.statusCode()).as(cashier.body()).isEqualTo(200);
        assertThat(cashier.body()).contains("alipay-pay");

        assertThat(alipay.pay(started.outTradeNo()).body()).isEqualTo("success");
        var vouchers = fixtures.vouchersOf(started.customer(), 1);
        paidAndVouchered(started, 1);

        api.post("/api/v1/me/vouchers/" + vouchers.get(0).path("id").asString() + "/refund", null, started.customer());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> alipay.refundsOf(started.outTradeNo()).size() == 1);
    }

    @Test
    void aQrPaymentShowsItsCodeAndGoesBackOncePaid() {
        var shop = shop(false);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = UUID.fromString(fixtures.order(customer, shop.deal(), 1).text("id"));
        var customerId = jdbc.sql("select customer_id from customer_order where id = :o").param("o", orderId)
                .query(UUID.class).single();
        var payment = payments.start(new StartPayment(new OrderId(orderId), new MerchantId(shop.merchant().id()),
                new CustomerId(customerId), Money.cny(1500),
                "alipay", "双人套餐", "/me/orders/" + orderId, PaymentProvider.Scene.QR, null));

        assertThat(payment.providerRef()).isEqualTo("https://qr.alipay.com/fake" + payment.id().toString().replace("-", ""));
        var session = new WebSession(port);
        var page = session.get(payment.redirectUrl());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("alipay-qr").contains("15.00");
        assertThat(session.get("/pay/alipay/" + payment.id() + "/qr.png").status()).isEqualTo(200);
        assertThat(api.get("/pay/alipay/" + payment.id() + "/status?back=/me/orders/" + orderId).header("HX-Redirect")).isNull();

        alipay.pay(payment.id().toString().replace("-", ""));

        assertThat(api.get("/pay/alipay/" + payment.id() + "/status?back=/me/orders/" + orderId).header("HX-Redirect"))
                .isEqualTo("/me/orders/" + orderId);
        assertThat(api.get("/pay/alipay/" + payment.id() + "/status?back=//evil.example").header("HX-Redirect"))
                .isEqualTo("/");
    }

    @Test
    void merchantSettingsThatCannotWorkAreRefusedNamingTheField() {
        var merchant = fixtures.approvedMerchant("支付宝设置");
        var good = alipay.newApp(false).settings();

        assertThat(refusal(merchant, with(good, "appPrivateKey", "not-a-key"))).contains("appPrivateKey");
        assertThat(refusal(merchant, with(good, "appId", "12"))).contains("appId");
        assertThat(refusal(merchant, with(good, "sellerId", "1234567890123456"))).contains("sellerId");
        assertThat(refusal(merchant, with(good, "alipayPublicKey", "AAAA"))).contains("alipayPublicKey");
        var ownKey = alipay.newApp(false);
        var appPublic = java.util.Base64.getEncoder().encodeToString(ownKey.publicKey().getEncoded());
        assertThat(refusal(merchant, with(ownKey.settings(), "alipayPublicKey", appPublic))).contains("alipayPublicKey");
        var noMode = new HashMap<>(good);
        noMode.remove("alipayPublicKey");
        assertThat(refusal(merchant, noMode)).contains("appCertificate");

        var certs = alipay.newApp(true).settings();
        assertThat(refusal(merchant, with(certs, "alipayRootCertificate", certs.get("appCertificate"))))
                .contains("alipayCertificate");
        assertThat(refusal(merchant, with(certs, "appCertificate", certs.get("alipayCertificate"))))
                .contains("appCertificate");
        assertThat(refusal(merchant, with(good, "appCertificate", certs.get("appCertificate"))))
                .contains("alipayPublicKey");

        assertThat(accounts.save(owner(merchant), "alipay", json.valueToTree(certs)).settings())
                .containsEntry("mode", "CERTIFICATE").doesNotContainKeys("appPrivateKey");
    }

    private String refusal(Fixtures.MerchantFixture merchant, Map<String, String> settings) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInput.class,
                () -> accounts.save(owner(merchant), "alipay", json.valueToTree(settings)));
        assertThat(thrown).as("refused").isNotNull();
        assertThat(thrown.status().value()).isEqualTo(400);
        return thrown.getMessage();
    }

    private static Map<String, String> with(Map<String, String> settings, String field, String value) {
        var changed = new HashMap<>(settings);
        changed.put(field, value);
        return changed;
    }
}
