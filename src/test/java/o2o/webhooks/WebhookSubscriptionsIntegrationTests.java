package o2o.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.loyalty.MemberJoined;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.webhooks.persistence.EndpointTable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A merchant's subscriptions are remembered for a few seconds per node: a change through this node shows at once, a
 * change made elsewhere (written here straight to the table, as another node would) within that time.
 */
class WebhookSubscriptionsIntegrationTests extends ApiTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @Autowired
    WebhookReactions reactions;

    @Autowired
    EndpointTable table;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addingChangingAndRemovingAnEndpointHereShowsAtTheNextEvent() {
        var merchant = fixtures.approvedMerchant("订阅即时");
        join(merchant.id());

        var created = api.post("/api/v1/merchant/webhooks", Map.of("url", URL, "eventTypes", List.of("member.joined")),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var endpoint = UUID.fromString(created.text("id"));
        join(merchant.id());
        assertThat(deliveries(endpoint)).as("added: the next join is queued").isEqualTo(1);

        var changed = api.put("/api/v1/merchant/webhooks/" + endpoint,
                Map.of("url", URL, "eventTypes", List.of("order.paid")), merchant.ownerToken());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        join(merchant.id());
        assertThat(deliveries(endpoint)).as("no longer subscribed to joins").isEqualTo(1);

        var second = api.post("/api/v1/merchant/webhooks", Map.of("url", URL, "eventTypes", List.of("member.joined")),
                merchant.ownerToken());
        var secondId = UUID.fromString(second.text("id"));
        join(merchant.id());
        assertThat(deliveries(secondId)).isEqualTo(1);
        assertThat(api.delete("/api/v1/merchant/webhooks/" + secondId, merchant.ownerToken()).status()).isEqualTo(204);
        join(merchant.id());
        assertThat(jdbc.sql("select count(*) from webhook_delivery where merchant_id = :m")
                .param("m", merchant.id()).query(Long.class).single())
                .as("the first endpoint's one delivery; the removed one's went with it, and nothing was queued after")
                .isEqualTo(1);
    }

    @Test
    void anEndpointAddedOnAnotherNodeIsHeardWithinTheSecondsItIsRememberedAndOneRemovedThereIsNotWrittenTo() {
        var merchant = fixtures.approvedMerchant("订阅他处");
        join(merchant.id());
        var endpoint = UUID.randomUUID();
        table.insert(endpoint, merchant.id(), EndpointSettings.checked(URL, null, List.of("member.joined"), true),
                "whsec_elsewhere", Instant.now());

        join(merchant.id());
        assertThat(deliveries(endpoint)).as("this node still remembers no endpoint").isZero();
        Awaitility.await().atMost(Subscriptions.REMEMBER.plusSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    join(merchant.id());
                    return deliveries(endpoint) > 0;
                });

        table.delete(endpoint, merchant.id());
        join(merchant.id());
        assertThat(deliveries(endpoint)).as("an event for an endpoint gone meanwhile is dropped, not failed").isZero();
    }

    /** A member joins the merchant: an event every endpoint subscribed to joins hears. */
    private void join(UUID merchantId) {
        reactions.on(new MemberJoined(new MerchantId(merchantId), new CustomerId(UUID.randomUUID()), "counter",
                Instant.now()));
    }

    private long deliveries(UUID endpointId) {
        return jdbc.sql("select count(*) from webhook_delivery where endpoint_id = :e").param("e", endpointId)
                .query(Long.class).single();
    }
}
