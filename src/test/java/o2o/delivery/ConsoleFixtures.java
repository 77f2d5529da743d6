package o2o.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.Fixtures;

/** Staff with names of their own for the console's tests: who they are, their token, their id. */
final class ConsoleFixtures {

    private final Api api;
    private final Fixtures fixtures;

    ConsoleFixtures(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    record Staff(String username, String token, UUID id, String name) {}

    Staff hire(DeliveryFixtures.Shop shop, Role role, String name, Set<UUID> stores) {
        var username = Fixtures.unique(role.name().toLowerCase());
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", username, "password", "password-1",
                "displayName", name, "role", role.name(), "storeIds", stores), shop.merchant().ownerToken());
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        var token = fixtures.staffToken(username, "password-1");
        var me = api.get("/api/v1/merchant/me", token);
        assertThat(me.status()).as(me.raw()).isEqualTo(200);
        return new Staff(username, token, UUID.fromString(me.text("id")), name);
    }

    /** A courier of the shop's merchant, on shift. */
    Staff courierOnShift(DeliveryFixtures.Shop shop, String name) {
        var courier = hire(shop, Role.COURIER, name, Set.of());
        var on = api.put("/api/v1/merchant/courier/shift", Map.of("onShift", true), courier.token());
        assertThat(on.status()).as(on.raw()).isEqualTo(200);
        return courier;
    }
}
