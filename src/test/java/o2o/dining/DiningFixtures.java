package o2o.dining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.WebSession;

/** Areas, tables and signed-in diners for the dining tests, made through the public API and pages. */
final class DiningFixtures {

    private final Api api;
    private final Fixtures fixtures;
    private final int port;

    DiningFixtures(Api api, Fixtures fixtures, int port) {
        this.api = api;
        this.fixtures = fixtures;
        this.port = port;
    }

    record Table(UUID id, String code, String label) {}

    UUID area(MerchantFixture merchant, UUID store, String name) {
        var created = api.post("/api/v1/merchant/stores/" + store + "/areas", Map.of("name", name),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    Table table(MerchantFixture merchant, UUID store, String label, UUID area) {
        var body = new HashMap<String, Object>(Map.of("label", label, "seats", 4));
        if (area != null) body.put("areaId", area);
        var created = api.post("/api/v1/merchant/stores/" + store + "/tables", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Table(UUID.fromString(created.text("id")), created.text("code"), label);
    }

    /** A phone's web session, signed in by SMS code. */
    WebSession diner(String phone) {
        return new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
    }
}
