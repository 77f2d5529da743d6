package o2o.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.identity.Role;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Events of a merchant reach the merchant's own systems: signed, once, to the right endpoints, retried until taken. */
class OutgoingWebhookIntegrationTests extends ApiTest {

    private static final List<String> ALL = List.of("voucher.redeemed", "order.paid", "member.joined");

    @Autowired
    WebhookReactions reactions;

    record Endpoint(String id, String secret) {}

    @Test
    void aPaidOrderARedeemedVoucherAndAJoinReachTheReceiverSignedWithTheEndpointsSecret() throws Exception {
        var merchant = fixtures.approvedMerchant("推送餐厅");
        var store = fixtures.store(merchant, "推送一店", 31.2, 121.4, "本帮菜");
        var deal = fixtures.deal(merchant, Set.of(store), 5800, 100, false, "ANYTIME");
        try (var receiver = new Receiver()) {
            var endpoint = endpoint(merchant.ownerToken(), receiver.url(), ALL);
            var phone = Fixtures.uniquePhone();
            var customer = fixtures.customerToken(phone);

            var order = fixtures.order(customer, deal, 1);
            fixtures.pay(customer, order.text("id"), true);
            var paid = receiver.awaitRequests(1).getFirst();
            assertThat(paid.signedWith(endpoint.secret())).as(paid.signature()).isTrue();
            assertThat(paid.eventType()).isEqualTo("order.paid");
            var paidJson = paid.json();
            assertThat(paidJson.path("type").asString()).isEqualTo("order.paid");
            assertThat(paidJson.path("merchantId").asString()).isEqualTo(merchant.id().toString());
            assertThat(paidJson.path("id").asString()).isNotBlank();
            assertThat(Instant.parse(paidJson.path("created").asString())).isBefore(Instant.now().plusSeconds(1));
            assertThat(paidJson.path("data").path("orderId").asString()).isEqualTo(order.text("id"));
            assertThat(paidJson.path("data").path("total").path("minor").asLong()).isEqualTo(5800);
            assertThat(paidJson.path("data").path("customerPhone").asString())
                    .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(paid.body()).doesNotContain(phone).doesNotContain(endpoint.secret());

            var voucher = fixtures.vouchersOf(customer, 1).get(0);
            var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
            var redeemed = api.post("/api/v1/merchant/redemptions",
                    Map.of("code", voucher.path("code").asString(), "storeId", store), cashier);
            assertThat(redeemed.status()).as(redeemed.raw()).isEqualTo(200);
            var redemption = receiver.awaitRequests(2).get(1);
            assertThat(redemption.signedWith(endpoint.secret())).isTrue();
            assertThat(redemption.json().path("type").asString()).isEqualTo("voucher.redeemed");
            assertThat(redemption.json().path("data").path("voucherId").asString())
                    .isEqualTo(voucher.path("id").asString());
            assertThat(redemption.json().path("data").path("storeId").asString()).isEqualTo(store.toString());

            var joined = api.post("/api/v1/merchant/members", Map.of("phone", phone), cashier);
            assertThat(joined.status()).as(joined.raw()).isIn(200, 201);
            var join = receiver.awaitRequests(3).get(2);
            assertThat(join.signedWith(endpoint.secret())).isTrue();
            assertThat(join.signedWith("whsec_someone-elses")).isFalse();
            assertThat(join.json().path("type").asString()).isEqualTo("member.joined");
            assertThat(join.json().path("data").path("channel").asString()).isEqualTo("counter");
            assertThat(join.json().path("data").path("customerPhone").asString()).contains("****");

            var log = deliveries(merchant.ownerToken(), endpoint.id());
            assertThat(log).hasSize(3).allSatisfy(d -> {
                assertThat(d.path("status").asString()).isEqualTo("DELIVERED");
                assertThat(d.path("log").size()).isEqualTo(1);
                assertThat(d.path("log").get(0).path("statusCode").asInt()).isEqualTo(200);
            });

            var again = api.post("/api/v1/merchant/members", Map.of("phone", phone), cashier);
            assertThat(again.status()).as("joining again").isIn(200, 201);
            Thread.sleep(500);
            assertThat(receiver.received()).as("a member who already joined is not announced again").hasSize(3);
        }
    }

    @Test
    void aReceiverAnsweringFiveHundredTwiceGetsThreeAttemptsWithGrowingPauses() throws Exception {
        var merchant = fixtures.approvedMerchant("重试商户");
        try (var receiver = new Receiver(500, 500)) {
            var endpoint = endpoint(merchant.ownerToken(), receiver.url(), List.of("order.paid"));
            var test = api.post("/api/v1/merchant/webhooks/" + endpoint.id() + "/test", null, merchant.ownerToken());
            assertThat(test.status()).as(test.raw()).isEqualTo(202);
            assertThat(test.text("eventType")).isEqualTo("webhook.test");

            receiver.awaitRequests(1);
            var first = awaitAttempts(merchant.ownerToken(), endpoint.id(), 1);
            assertThat(first.path("status").asString()).isEqualTo("PENDING");
            var firstAt = Instant.parse(first.path("log").get(0).path("at").asString());
            var firstPause = Duration.between(firstAt, Instant.parse(first.path("nextAttemptAt").asString()));
            assertThat(firstPause).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
            Thread.sleep(300);
            assertThat(receiver.received()).as("nothing before the pause is over").hasSize(1);

            clock.advance(Duration.ofSeconds(31));
            receiver.awaitRequests(2);
            var second = awaitAttempts(merchant.ownerToken(), endpoint.id(), 2);
            var secondAt = Instant.parse(second.path("log").get(1).path("at").asString());
            var secondPause = Duration.between(secondAt, Instant.parse(second.path("nextAttemptAt").asString()));
            assertThat(secondPause).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));

            clock.advance(Duration.ofSeconds(61));
            var requests = receiver.awaitRequests(3);
            var done = awaitAttempts(merchant.ownerToken(), endpoint.id(), 3);
            assertThat(done.path("status").asString()).isEqualTo("DELIVERED");
            var log = done.path("log");
            assertThat(List.of(log.get(0).path("statusCode").asInt(), log.get(1).path("statusCode").asInt(),
                    log.get(2).path("statusCode").asInt())).containsExactly(500, 500, 200);
            var thirdAt = Instant.parse(log.get(2).path("at").asString());
            assertThat(Duration.between(firstAt, secondAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
            assertThat(Duration.between(secondAt, thirdAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
            assertThat(log.get(0).path("durationMs").isNumber()).isTrue();
            assertThat(requests).extracting(Receiver.Received::body).containsOnly(requests.getFirst().body());
            assertThat(requests).allSatisfy(r -> assertThat(r.signedWith(endpoint.secret())).isTrue());
        }
    }

    @Test
    void aDeliveryNeverAcceptedIsMarkedFailedAfterTheLastAttemptAndCanBeSentAgain() throws Exception {
        var merchant = fixtures.approvedMerchant("失败推送");
        var refusals = new Integer[8];
        java.util.Arrays.fill(refusals, 503);
        try (var receiver = new Receiver(refusals)) {
            var endpoint = endpoint(merchant.ownerToken(), receiver.url(), List.of("member.joined"));
            api.post("/api/v1/merchant/webhooks/" + endpoint.id() + "/test", null, merchant.ownerToken());
            for (int attempt = 1; attempt <= 8; attempt++) {
                receiver.awaitRequests(attempt);
                awaitAttempts(merchant.ownerToken(), endpoint.id(), attempt);
                clock.advance(Duration.ofHours(1));
            }
            var failed = deliveries(merchant.ownerToken(), endpoint.id()).getFirst();
            assertThat(failed.path("status").asString()).isEqualTo("FAILED");
            assertThat(failed.path("log").size()).isEqualTo(8);
            Thread.sleep(300);
            assertThat(receiver.received()).as("no ninth attempt").hasSize(8);

            var path = "/api/v1/merchant/webhooks/" + endpoint.id() + "/deliveries/" + failed.path("id").asString()
                    + "/retry";
            var retried = api.post(path, null, merchant.ownerToken());
            assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
            receiver.awaitRequests(9);
            var delivered = awaitAttempts(merchant.ownerToken(), endpoint.id(), 9);
            assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivered.path("log").get(8).path("statusCode").asInt()).isEqualTo(200);

            var notFailed = api.post(path, null, merchant.ownerToken());
            assertThat(notFailed.status()).isEqualTo(409);
            assertThat(notFailed.text("type")).isEqualTo("urn:o2o:problem:webhook-delivery-not-failed");
        }
    }

    @Test
    void aDomainEventDeliveredTwiceOrManyTimesAtOnceMakesOneDelivery() throws Exception {
        var merchant = fixtures.approvedMerchant("重复事件");
        try (var receiver = new Receiver()) {
            var endpoint = endpoint(merchant.ownerToken(), receiver.url(), List.of("order.paid"));
            var event = orderPaid(merchant.id());
            reactions.on(event);
            reactions.on(event);
            var tasks = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 20; i++) tasks.add(() -> {
                reactions.on(event);
                return true;
            });
            Concurrently.atOnce(tasks);
            receiver.awaitRequests(1);
            Thread.sleep(500);
            assertThat(receiver.received()).hasSize(1);
            assertThat(deliveries(merchant.ownerToken(), endpoint.id())).hasSize(1);
        }
    }

    @Test
    void anEndpointSubscribedToOtherTypesGetsNothing() throws Exception {
        var merchant = fixtures.approvedMerchant("订阅商户");
        try (var wants = new Receiver(); var other = new Receiver()) {
            var subscribed = endpoint(merchant.ownerToken(), wants.url(), List.of("order.paid"));
            var notSubscribed = endpoint(merchant.ownerToken(), other.url(), List.of("member.joined", "voucher.redeemed"));
            reactions.on(orderPaid(merchant.id()));
            assertThat(wants.awaitRequests(1).getFirst().signedWith(subscribed.secret())).isTrue();
            Thread.sleep(500);
            assertThat(other.received()).isEmpty();
            assertThat(deliveries(merchant.ownerToken(), notSubscribed.id())).isEmpty();
        }
    }

    @Test
    void anotherMerchantsEventsNeverReachThisMerchantsEndpoint() throws Exception {
        var mine = fixtures.approvedMerchant("我的商户");
        var theirs = fixtures.approvedMerchant("别人的商户");
        try (var myReceiver = new Receiver(); var theirReceiver = new Receiver()) {
            var myEndpoint = endpoint(mine.ownerToken(), myReceiver.url(), ALL);
            endpoint(theirs.ownerToken(), theirReceiver.url(), ALL);
            reactions.on(orderPaid(theirs.id()));
            var theirEvent = theirReceiver.awaitRequests(1).getFirst();
            assertThat(theirEvent.json().path("merchantId").asString()).isEqualTo(theirs.id().toString());
            Thread.sleep(500);
            assertThat(myReceiver.received()).isEmpty();
            assertThat(deliveries(mine.ownerToken(), myEndpoint.id())).isEmpty();
        }
    }

    @Test
    void ownersManageEndpointsAndTheSecretIsShownOnlyWhenCreatedOrRotated() throws Exception {
        var merchant = fixtures.approvedMerchant("管理推送");
        try (var receiver = new Receiver()) {
            var endpoint = endpoint(merchant.ownerToken(), receiver.url(), List.of("order.paid"));
            var read = api.get("/api/v1/merchant/webhooks/" + endpoint.id(), merchant.ownerToken());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.raw()).doesNotContain(endpoint.secret());
            assertThat(read.body().path("secret").isNull()).isTrue();
            assertThat(api.get("/api/v1/merchant/webhooks", merchant.ownerToken()).raw())
                    .contains(endpoint.id()).doesNotContain(endpoint.secret());

            var changed = api.put("/api/v1/merchant/webhooks/" + endpoint.id(), Map.of("url", receiver.url() + "?v=2",
                    "description", "收银系统", "eventTypes", List.of("member.joined", "order.paid")),
                    merchant.ownerToken());
            assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
            assertThat(changed.text("description")).isEqualTo("收银系统");
            assertThat(changed.body().path("eventTypes").size()).isEqualTo(2);

            var rotated = api.post("/api/v1/merchant/webhooks/" + endpoint.id() + "/secret", null, merchant.ownerToken());
            assertThat(rotated.status()).isEqualTo(200);
            var secret = rotated.text("secret");
            assertThat(secret).startsWith("whsec_").isNotEqualTo(endpoint.secret());
            api.post("/api/v1/merchant/webhooks/" + endpoint.id() + "/test", null, merchant.ownerToken());
            var test = receiver.awaitRequests(1).getFirst();
            assertThat(test.signedWith(secret)).isTrue();
            assertThat(test.signedWith(endpoint.secret())).as("the old secret no longer signs").isFalse();

            var manager = fixtures.staff(merchant, Role.MANAGER, Set.of());
            assertThat(api.get("/api/v1/merchant/webhooks/" + endpoint.id(), manager).status()).isEqualTo(200);
            var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
            var denied = api.post("/api/v1/merchant/webhooks", body(receiver.url(), ALL), cashier);
            assertThat(denied.status()).isEqualTo(403);
            assertThat(api.get("/api/v1/merchant/webhooks", cashier).status()).isEqualTo(403);

            assertThat(api.delete("/api/v1/merchant/webhooks/" + endpoint.id(), merchant.ownerToken()).status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v1/merchant/webhooks/" + endpoint.id(), merchant.ownerToken()).status())
                    .isEqualTo(404);
            assertThat(api.delete("/api/v1/merchant/webhooks/" + endpoint.id(), merchant.ownerToken()).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void badEndpointsAreRefusedWithAProblemAndChangeNothing() {
        var merchant = fixtures.approvedMerchant("校验商户");
        var token = merchant.ownerToken();
        var endpoint = endpoint(token, "https://hooks.example.com/o2o", List.of("order.paid"));
        var before = api.get("/api/v1/merchant/webhooks/" + endpoint.id(), token).raw();
        var tooLong = "https://example.com/" + "a".repeat(500);
        var bad = List.<Map<String, Object>>of(
                body("ftp://example.com/hook", ALL),
                body("javascript:alert(1)", ALL),
                body("not a url", ALL),
                body("https://", ALL),
                body("https://user:pass@example.com/hook", ALL),
                body(tooLong, ALL),
                body("https://example.com/hook", List.of()),
                body("https://example.com/hook", List.of("order.refunded")),
                withDescription(body("https://example.com/hook", ALL), "长".repeat(101)),
                Map.of("eventTypes", ALL));
        for (var request : bad) {
            var created = api.post("/api/v1/merchant/webhooks", request, token);
            assertThat(created.status()).as("POST %s: %s", request, created.raw()).isEqualTo(400);
            assertThat(created.contentType()).startsWith("application/problem+json");
            assertThat(created.text("type")).isEqualTo("urn:o2o:problem:invalid-input");
            var changed = api.put("/api/v1/merchant/webhooks/" + endpoint.id(), request, token);
            assertThat(changed.status()).as("PUT %s: %s", request, changed.raw()).isEqualTo(400);
        }
        var malformed = api.postRaw("/api/v1/merchant/webhooks", "{\"url\":", "application/json", token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/merchant/webhooks/not-a-uuid", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/webhooks", token).body().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/merchant/webhooks/" + endpoint.id(), token).raw()).isEqualTo(before);
    }

    private Endpoint endpoint(String token, String url, List<String> types) {
        var created = api.post("/api/v1/merchant/webhooks", body(url, types), token);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("secret")).startsWith("whsec_");
        return new Endpoint(created.text("id"), created.text("secret"));
    }

    static Map<String, Object> body(String url, List<String> types) {
        return Map.of("url", url, "eventTypes", types);
    }

    private static Map<String, Object> withDescription(Map<String, Object> body, String description) {
        var copy = new HashMap<>(body);
        copy.put("description", description);
        return copy;
    }

    private List<JsonNode> deliveries(String token, String endpointId) {
        var response = api.get("/api/v1/merchant/webhooks/" + endpointId + "/deliveries", token);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        response.body().forEach(list::add);
        return list;
    }

    /** The endpoint's only delivery once its log shows this many attempts. */
    private JsonNode awaitAttempts(String token, String endpointId, int attempts) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries(token, endpointId).getFirst(), d -> d.path("log").size() >= attempts
                        && (d.path("attempts").asInt() >= attempts));
    }

    private static OrderPaid orderPaid(UUID merchantId) {
        return new OrderPaid(new OrderId(UUID.randomUUID()), new MerchantId(merchantId), new CustomerId(UUID.randomUUID()),
                Channel.POS, Money.cny(1200),
                Instant.now());
    }
}
