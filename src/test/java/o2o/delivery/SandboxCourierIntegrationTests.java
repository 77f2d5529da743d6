package o2o.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import o2o.delivery.persistence.DeliveryRows;
import o2o.delivery.persistence.SandboxJobRows;
import o2o.shared.Money;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A store whose orders the sandbox courier fleet carries: accepted, the fleet is asked (and paid), finds a rider,
 * picks up and delivers by itself, calling back over HTTP, signed; a store cannot name a fleet that is not here.
 */
class SandboxCourierIntegrationTests extends ApiTest {

    @Autowired
    DeliveryRows rows;

    @Autowired
    SandboxJobRows jobs;

    DeliveryFixtures delivery;
    FleetCallbacks fleet;

    @BeforeEach
    void setUp() {
        delivery = new DeliveryFixtures(api, fixtures);
        fleet = new FleetCallbacks(api, delivery, rows);
    }

    @Test
    void theSandboxFleetCarriesAnAcceptedOrderToTheDoorByItself() {
        var shop = delivery.deliveringShop("沙箱配送", 6000);
        assertThat(fleet.useProvider(shop, "sandbox").status()).isEqualTo(200);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);

        var id = fleet.acceptedOrder(shop, customer, phone, "王小姐");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> delivery.mine(customer, id).path("status").asString().equals("DELIVERED"));
        var seen = delivery.mine(customer, id);
        assertThat(seen.path("orderStatus").asString()).isEqualTo("COMPLETED");
        assertThat(seen.path("provider").asString()).isEqualTo("sandbox");
        assertThat(seen.path("assignedAt").isString()).isTrue();
        assertThat(seen.path("pickedUpAt").isString()).isTrue();
        assertThat(seen.path("deliveredAt").isString()).isTrue();
        assertThat(seen.path("history").findValuesAsString("what"))
                .contains("accepted", "delivered")
                .anySatisfy(what -> assertThat(what).startsWith("assigned to "))
                .anySatisfy(what -> assertThat(what).startsWith("picked up by "));
        assertThat(seen.path("history").findValuesAsString("actor")).contains("sandbox");
        // ¥4, and ¥1 for each started kilometre of the 2.5 km ride
        assertThat(rows.find(UUID.fromString(id)).orElseThrow().cost()).isEqualTo(Money.cny(400 + 3 * 100));
        assertThat(jobs.ofOrder(UUID.fromString(id)).orElseThrow().step()).isEqualTo(SandboxJobRows.Step.DELIVERED);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> fixtures.texts(phone).size() >= 3);
        assertThat(String.join("\n", fixtures.texts(phone))).contains("已接单", "骑手已取餐", "已送达");
    }

    @Test
    void anOrderTheStoreCancelsIsCalledOffAtTheFleet() {
        var shop = delivery.deliveringShop("沙箱取消", 6000);
        assertThat(fleet.useProvider(shop, "sandbox").status()).isEqualTo(200);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var id = fleet.acceptedOrder(shop, customer, phone, FleetCallbacks.HOLD);

        var cancelled = api.post(DeliveryFixtures.desk(shop.store()) + "/" + id + "/cancel", null,
                shop.merchant().ownerToken());

        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.ofOrder(UUID.fromString(id)).orElseThrow().step() == SandboxJobRows.Step.CANCELLED);
        var seen = delivery.mine(customer, id);
        assertThat(seen.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(seen.path("refundedAmount").path("minor").asLong())
                .isEqualTo(seen.path("totalAmount").path("minor").asLong());
    }

    @Test
    void theSettingsRefuseACourierProviderThisDeploymentDoesNotHave() {
        var shop = delivery.deliveringShop("未知车队", 6000);

        var unknown = fleet.useProvider(shop, "nosuchfleet");

        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(400);
        assertThat(unknown.text("type")).endsWith("invalid-input");
        var settings = api.get("/api/v1/merchant/stores/" + shop.store() + "/delivery/settings",
                shop.merchant().ownerToken());
        assertThat(settings.text("provider")).isEqualTo("own");
        assertThat(fleet.useProvider(shop, "sandbox").status()).isEqualTo(200);
        assertThat(fleet.useProvider(shop, "own").status()).isEqualTo(200);
    }
}
