package o2o.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The platform's side of a gateway's webhooks: signed, fresh, applied exactly once. */
class WebhookIntegrationTests extends ApiTest {

    private static final String SECRET = "test-webhook-secret"; // o2o.payments.sandbox.webhook-secret in tests

    @Autowired
    JdbcClient jdbc;

    HttpClient http = HttpClient.newHttpClient();

    record Pending(String customer, String orderId, String paymentId) {}

    Pending pendingPayment(int quantity) {
        var merchant = fixtures.approvedMerchant("回调商户");
        var store = fixtures.store(merchant, "回调店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 1500, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, quantity).text("id");
        var payment = api.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "sandbox"), customer);
        assertThat(payment.status()).isEqualTo(201);
        assertThat(payment.text("status")).isEqualTo("PENDING");
        return new Pending(customer, orderId, payment.text("id"));
    }

    String succeeded(String eventId, String paymentId) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"payment.succeeded\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"data\":{\"paymentId\":\"" + paymentId + "\",\"chargeRef\":\"sbx_test\",\"amount\":1500}}";
    }

    HttpResponse<String> deliver(String body, String signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payments/webhooks/sandbox"))
                .header("Content-Type", "application/json")
                .header("Sandbox-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String sign(long timestamp, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + timestamp + ",v1="
                + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSameWebhookDeliveredFiveTimesAtOnceChangesStateOnce() throws Exception {
        var pending = pendingPayment(2);
        var body = succeeded("evt_" + UUID.randomUUID(), pending.paymentId());
        var signature = sign(Instant.now().getEpochSecond(), body);

        var responses = new ArrayList<HttpResponse<String>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var gate = new CountDownLatch(1);
            var futures = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 5; i++) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return deliver(body, signature);
                }));
            }
            gate.countDown();
            for (var f : futures) responses.add(f.get());
        }
        assertThat(responses).allMatch(r -> r.statusCode() == 200);
        assertThat(responses).filteredOn(r -> r.body().contains("\"applied\":true")).hasSize(1);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/me/vouchers", pending.customer()).body().size() == 2);
        var orderId = UUID.fromString(pending.orderId());
        assertThat(jdbc.sql("select count(*) from order_transition where order_id = :o and to_status = 'PAID'")
                .param("o", orderId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from payment where id = :p").param("p", UUID.fromString(pending.paymentId()))
                .query(String.class).single()).isEqualTo("SUCCEEDED");

        var replayedLater = deliver(body, sign(Instant.now().getEpochSecond(), body));
        assertThat(replayedLater.statusCode()).isEqualTo(200);
        assertThat(replayedLater.body()).contains("\"applied\":false");
        Thread.sleep(500);
        assertThat(api.get("/api/v1/me/vouchers", pending.customer()).body().size()).isEqualTo(2);
    }

    @Test
    void forgedTamperedAndStaleWebhooksAreRefusedAndChangeNothing() throws Exception {
        var pending = pendingPayment(1);
        var body = succeeded("evt_" + UUID.randomUUID(), pending.paymentId());
        long now = Instant.now().getEpochSecond();

        assertThat(deliver(body, "t=" + now + ",v1=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(deliver(body.replace("1500", "1"), sign(now, body)).statusCode()).as("body changed after signing")
                .isEqualTo(401);
        assertThat(deliver(body, "").statusCode()).isEqualTo(401);
        var stale = deliver(body, sign(now - 3600, body));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("urn:o2o:problem:webhook-stale");
        var future = deliver(body, sign(now + 3600, body));
        assertThat(future.statusCode()).isEqualTo(400);
        var garbage = "{\"id\":\"evt_x\",\"type\":\"payment.teleported\",\"data\":{}}";
        assertThat(deliver(garbage, sign(now, garbage)).statusCode()).isEqualTo(400);

        assertThat(jdbc.sql("select status from payment where id = :p").param("p", UUID.fromString(pending.paymentId()))
                .query(String.class).single()).isEqualTo("PENDING");
        assertThat(api.get("/api/v1/me/orders/" + pending.orderId(), pending.customer()).text("status"))
                .isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void theGatewayDeliversItsWebhookOnceAcknowledgedAndRetriesOneThatIsRefused() {
        var pending = pendingPayment(1);
        fixtures.pay(pending.customer(), pending.orderId(), true);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/me/orders/" + pending.orderId(), pending.customer()).text("status").equals("PAID"));
        assertThat(jdbc.sql("select attempts from sandbox_webhook where delivered_at is not null and payload like :p")
                .param("p", "%" + pending.paymentId() + "%").query(Integer.class).single()).isEqualTo(1);

        // an event the platform answers with 400: the gateway keeps it, backs off, and tries again
        var eventId = "evt_refused_" + UUID.randomUUID();
        jdbc.sql("insert into sandbox_webhook (event_id, payload, attempts, next_attempt_at) values (:id, :p, 0, now())")
                .param("id", eventId)
                .param("p", "{\"id\":\"" + eventId + "\",\"type\":\"payment.teleported\",\"data\":{}}")
                .update();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select attempts from sandbox_webhook where event_id = :id").param("id", eventId)
                .query(Integer.class).single() >= 2);
        var row = jdbc.sql("""
                        select delivered_at is null as pending, next_attempt_at > now() as later
                        from sandbox_webhook where event_id = :id
                        """).param("id", eventId)
                .query((rs, n) -> rs.getBoolean("pending") && rs.getBoolean("later")).single();
        assertThat(row).as("still undelivered, next attempt scheduled later").isTrue();
        jdbc.sql("delete from sandbox_webhook where event_id = :id").param("id", eventId).update();
    }
}
