package o2o.delivery;

import static o2o.delivery.DeliveryFixtures.north;
import static o2o.delivery.FleetCallbacks.HOLD;
import static o2o.delivery.FleetCallbacks.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;

import o2o.delivery.DeliveryFixtures.Shop;
import o2o.delivery.persistence.DeliveryRows;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The callback endpoint as a courier fleet calls it: signed in the test with the fleet's secret, on orders the sandbox
 * fleet took but leaves to the test (sent to its hold contact). States move forward only, each event once.
 */
class ProviderCallbackIntegrationTests extends ApiTest {

    @Autowired
    DeliveryRows rows;

    DeliveryFixtures delivery;
    FleetCallbacks fleet;
    Shop shop;
    String phone;
    String customer;

    @BeforeEach
    void setUp() {
        delivery = new DeliveryFixtures(api, fixtures);
        fleet = new FleetCallbacks(api, delivery, rows);
        shop = delivery.deliveringShop("第三方配送", 6000);
        assertThat(fleet.useProvider(shop, "sandbox").status()).isEqualTo(200);
        phone = Fixtures.uniquePhone();
        customer = fixtures.customerToken(phone);
    }

    @Test
    void aSignedCallbackMovesTheOrderAndShowsTheRiderWhereTheyAre() {
        var id = fleet.acceptedOrder(shop, customer, phone, HOLD);
        var ref = fleet.reference(id);

        var answer = fleet.send(event(ref + ":1", ref, "ASSIGNED", "刘师傅", north(200)));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.text("outcome")).isEqualTo("APPLIED");
        var seen = delivery.mine(customer, id);
        assertThat(seen.path("status").asString()).isEqualTo("COURIER_ASSIGNED");
        assertThat(seen.path("courierName").asString()).contains("刘师傅", "13800138000");
        assertThat(seen.path("courierPosition").path("lat").asDouble()).isEqualTo(north(200)[0]);
        assertThat(seen.path("assignedAt").isString()).isTrue();
        assertThat(whats(seen)).contains("assigned to 刘师傅 13800138000");
    }

    @Test
    void aReplayedEventChangesNothingEvenWithAnotherBody() {
        var id = fleet.acceptedOrder(shop, customer, phone, HOLD);
        var ref = fleet.reference(id);
        assertThat(fleet.send(event("e-1", ref, "PICKED_UP", "刘师傅", null)).text("outcome")).isEqualTo("APPLIED");
        var before = delivery.mine(customer, id);

        var again = fleet.send(event("e-1", ref, "PICKED_UP", "刘师傅", null));
        var forged = fleet.send(event("e-1", ref, "DELIVERED", "刘师傅", north(2500)));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("outcome")).isEqualTo("REPEATED");
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.text("outcome")).isEqualTo("REPEATED");
        var after = delivery.mine(customer, id);
        assertThat(after.path("status").asString()).isEqualTo("PICKED_UP");
        assertThat(after.path("courierPosition").isNull()).isTrue();
        assertThat(after.path("history")).hasSameSizeAs(before.path("history"));
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndChangesNothing() {
        var id = fleet.acceptedOrder(shop, customer, phone, HOLD);
        var ref = fleet.reference(id);
        var body = Api.json(event("f-1", ref, "DELIVERED", "刘师傅", north(2500)));
        var now = Instant.now().getEpochSecond();

        var wrongSecret = fleet.send(body, now, "not-the-secret");
        var unsigned = fleet.sendWith(body, Map.of());
        var tampered = fleet.sendWith(body.replace("DELIVERED", "CANCELLED"), Map.of("Fleet-Timestamp",
                Long.toString(now), "Fleet-Nonce", "n", "Fleet-Signature",
                FleetCallbacks.sign(FleetCallbacks.SECRET, now + "\nn\n" + body)));

        for (var refused : new Api.Response[] {wrongSecret, unsigned, tampered}) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("type")).endsWith("courier-callback-unsigned");
        }
        var seen = delivery.mine(customer, id);
        assertThat(seen.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(seen.path("orderStatus").asString()).isEqualTo("PAID");
        // the event id was not used up by the refusals: the real one still counts
        assertThat(fleet.send(Api.json(event("f-1", ref, "PICKED_UP", "刘师傅", null)), now, FleetCallbacks.SECRET)
                .text("outcome")).isEqualTo("APPLIED");
    }

    @Test
    void aCallbackSignedMoreThanFiveMinutesAgoIsRefused() {
        var id = fleet.acceptedOrder(shop, customer, phone, HOLD);
        var ref = fleet.reference(id);
        var body = Api.json(event("s-1", ref, "PICKED_UP", "刘师傅", null));

        var stale = fleet.send(body, Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond(),
                FleetCallbacks.SECRET);
        var future = fleet.send(body, Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond(),
                FleetCallbacks.SECRET);

        for (var refused : new Api.Response[] {stale, future}) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
            assertThat(refused.text("type")).endsWith("courier-callback-stale");
        }
        assertThat(delivery.mine(customer, id).path("status").asString()).isEqualTo("ACCEPTED");
        var fourMinutes = fleet.send(body, Instant.now().minus(Duration.ofMinutes(4)).getEpochSecond(),
                FleetCallbacks.SECRET);
        assertThat(fourMinutes.status()).as(fourMinutes.raw()).isEqualTo(200);
    }

    @Test
    void aLateStateNeverTakesTheOrderBack() {
        var id = fleet.acceptedOrder(shop, customer, phone, HOLD);
        var ref = fleet.reference(id);

        assertThat(fleet.send(event("o-2", ref, "DELIVERED", "刘师傅", north(2500))).text("outcome"))
                .isEqualTo("APPLIED");
        var late = fleet.send(event("o-1", ref, "PICKED_UP", "刘师傅", north(1000)));

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.text("outcome")).isEqualTo("IGNORED");
        var seen = delivery.mine(customer, id);
        assertThat(seen.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(seen.path("orderStatus").asString()).isEqualTo("COMPLETED");
        assertThat(seen.path("pickedUpAt").isNull()).isTrue();
        assertThat(whats(seen)).doesNotContain("picked up by 刘师傅 13800138000");
    }

    @Test
    void skippingStraightToPickedUpStampsTheTimesAndTextsTheCustomer() {
        var id = fleet.acceptedOrder(shop, customer, phone, HOLD);
        var ref = fleet.reference(id);

        var answer = fleet.send(event("k-1", ref, "PICKED_UP", "刘师傅", north(100)));

        assertThat(answer.text("outcome")).isEqualTo("APPLIED");
        var seen = delivery.mine(customer, id);
        assertThat(seen.path("status").asString()).isEqualTo("PICKED_UP");
        assertThat(seen.path("assignedAt").isString()).isTrue();
        assertThat(seen.path("pickedUpAt").isString()).isTrue();
        assertThat(seen.path("courierName").asString()).startsWith("刘师傅");
        assertThat(whats(seen)).contains("picked up by 刘师傅 13800138000");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> String.join("\n", fixtures.texts(phone)).contains("骑手已取餐"));
    }

    @Test
    void theProviderCancellingRefundsTheCustomerInFull() {
        var id = fleet.acceptedOrder(shop, customer, phone, HOLD);
        var ref = fleet.reference(id);

        var answer = fleet.send(event("c-1", ref, "CANCELLED", null, null));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.text("outcome")).isEqualTo("APPLIED");
        var seen = delivery.mine(customer, id);
        assertThat(seen.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(seen.path("refundedAmount").path("minor").asLong())
                .isEqualTo(seen.path("totalAmount").path("minor").asLong()).isPositive();
        assertThat(whats(seen)).contains("cancelled by sandbox");
        var afterwards = fleet.send(event("c-2", ref, "DELIVERED", "刘师傅", null));
        assertThat(afterwards.text("outcome")).isEqualTo("IGNORED");
        assertThat(delivery.mine(customer, id).path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void anUnknownProviderOrReferenceIsNotFound() {
        var body = Api.json(event("u-1", "sbxc_nobody", "ASSIGNED", "刘师傅", null));
        var now = Instant.now().getEpochSecond();
        var nonce = "n1";
        var headers = Map.of("Fleet-Timestamp", Long.toString(now), "Fleet-Nonce", nonce, "Fleet-Signature",
                FleetCallbacks.sign(FleetCallbacks.SECRET, now + "\n" + nonce + "\n" + body));

        var unknownProvider = api.send("POST", "/api/v1/delivery/callbacks/nosuchfleet", body, null, headers);
        var unknownRef = fleet.send(body, now, FleetCallbacks.SECRET);

        assertThat(unknownProvider.status()).as(unknownProvider.raw()).isEqualTo(404);
        assertThat(unknownRef.status()).as(unknownRef.raw()).isEqualTo(404);
    }

    @Test
    void theSameCallbackTenTimesAtOnceMovesTheOrderOnce() throws Exception {
        var id = fleet.acceptedOrder(shop, customer, phone, HOLD);
        var ref = fleet.reference(id);
        var body = Api.json(event("x-1", ref, "PICKED_UP", "刘师傅", north(100)));
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> fleet.send(body, Instant.now().getEpochSecond(), FleetCallbacks.SECRET));
        }

        var answers = Concurrently.atOnce(tasks);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.raw()).isEqualTo(200));
        assertThat(answers).filteredOn(a -> a.text("outcome").equals("APPLIED")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.text("outcome").equals("REPEATED")).hasSize(9);
        var seen = delivery.mine(customer, id);
        assertThat(seen.path("status").asString()).isEqualTo("PICKED_UP");
        assertThat(whats(seen)).filteredOn(w -> w.startsWith("picked up")).hasSize(1);
    }

    private static java.util.List<String> whats(JsonNode order) {
        return order.path("history").findValuesAsString("what");
    }
}
