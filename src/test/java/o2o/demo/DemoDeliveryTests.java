package o2o.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import o2o.shared.GeoPoint;
import o2o.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The demo's delivery as the README promises it: the showcase store's zones of both shapes, its two couriers, and
 * orders delivered, on the way and waiting; every other store of the city delivering within its radius. Configured
 * as {@link DemoDataTests} is, so that both share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"o2o.demo.enabled=true", "o2o.demo.stores=400", "o2o.identity.operator-username=admin",
                "o2o.identity.operator-password=admin123"})
@ActiveProfiles("test")
class DemoDeliveryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theShowcaseStoreDeliversInACircleOfSixKilometresAnInnerCircleAndABusinessDistrict() {
        var api = new Api(port);
        var owner = token(api, "owner1");
        var store = showcase();
        var zones = api.get("/api/v1/merchant/stores/" + store + "/delivery/zones", owner);
        assertThat(zones.status()).as(zones.raw()).isEqualTo(200);
        var byName = new java.util.HashMap<String, JsonNode>();
        zones.body().forEach(z -> byName.put(z.path("name").asString(), z));
        assertThat(byName).containsOnlyKeys(DemoDelivery.INNER, DemoDelivery.DISTRICT, DemoDelivery.OUTER);
        assertThat(byName.get(DemoDelivery.INNER).path("priority").asInt()).isEqualTo(1);
        assertThat(byName.get(DemoDelivery.INNER).path("radiusMeters").asInt()).isEqualTo(3000);
        assertThat(byName.get(DemoDelivery.DISTRICT).path("points").size()).as("a polygon").isEqualTo(6);
        var outer = byName.get(DemoDelivery.OUTER);
        assertThat(outer.path("radiusMeters").asInt()).isEqualTo(6000);
        assertThat(outer.path("minimum").path("minor").asLong()).isEqualTo(2000);
        assertThat(outer.path("baseFee").path("minor").asLong()).isEqualTo(500);
        assertThat(outer.path("feeBands").get(0).path("fromMeters").asInt()).isEqualTo(3000);

        var at = location(api, owner, store);
        assertThat(fee(api, store, DemoDelivery.offset(at, 1000, 0))).as("inner circle").isEqualTo(300);
        assertThat(fee(api, store, DemoDelivery.offset(at, 0, 4500))).as("the district").isEqualTo(400);
        assertThat(fee(api, store, DemoDelivery.offset(at, -4500, 0))).as("4.5 km: ¥5 + 2 started km")
                .isEqualTo(700);
        var outside = api.get(quote(store, DemoDelivery.offset(at, 0, -7000)));
        assertThat(outside.status()).as(outside.raw()).isEqualTo(422);
    }

    @Test
    void twoCouriersCarryOrdersThatAreDeliveredOnTheWayAndWaiting() {
        var api = new Api(port);
        for (var courier : DemoDelivery.COURIERS) {
            var shift = api.get("/api/v1/merchant/courier/shift", token(api, courier));
            assertThat(shift.status()).as(courier + ": " + shift.raw()).isEqualTo(200);
            assertThat(shift.body().path("onShift").asBoolean()).as(courier).isTrue();
        }
        var manager = token(api, "manager1");
        var desk = "/api/v1/merchant/stores/" + showcase() + "/delivery-orders";

        var delivered = api.get(desk + "?status=DELIVERED", manager).body();
        assertThat(delivered.size()).isEqualTo(1);
        assertThat(delivered.get(0).path("orderStatus").asString()).isEqualTo("COMPLETED");
        assertThat(delivered.get(0).path("courierName").asString()).isNotBlank();
        assertThat(delivered.get(0).path("history").findValuesAsString("what"))
                .containsSubsequence("placed", "paid", "accepted", "ready", "picked up", "delivered");

        var onTheWay = api.get(desk + "?status=PICKED_UP", manager).body();
        assertThat(onTheWay.size()).isEqualTo(1);
        assertThat(onTheWay.get(0).path("courierName").asString()).isNotBlank()
                .isNotEqualTo(delivered.get(0).path("courierName").asString());
        assertThat(onTheWay.get(0).path("courierPosition").path("lat").isNumber()).as(onTheWay.toString()).isTrue();

        var waiting = api.get(desk + "?status=CREATED", manager).body();
        assertThat(waiting.size()).isEqualTo(1);
        assertThat(waiting.get(0).path("paidAt").isString()).as("paid, waiting for the store").isTrue();
        assertThat(waiting.get(0).path("courierName").isNull()).isTrue();
    }

    @Test
    void everyOtherStoreOfTheCityDeliversWithinItsServiceRadius() {
        var withoutRadiusZone = jdbc.sql("""
                        select count(*) from store s where s.id <> :showcase and not exists (
                            select 1 from delivery_zone z where z.store_id = s.id and z.shape = 'CIRCLE'
                               and z.radius_m = s.service_radius_m and z.active)
                        """).param("showcase", showcase()).query(Long.class).single();
        assertThat(withoutRadiusZone).as("stores but the showcase without a circle of their radius").isZero();
        assertThat(jdbc.sql("select count(*) from delivery_zone where store_id = :showcase")
                .param("showcase", showcase()).query(Long.class).single()).as("the showcase's own three").isEqualTo(3);
        var some = jdbc.sql("select id from store where id <> :showcase limit 20").param("showcase", showcase())
                .query(UUID.class).list();
        var api = new Api(port);
        var answers = new ArrayList<Integer>();
        for (var store : some) {
            var at = jdbc.sql("select lat, lng from store where id = :id").param("id", store)
                    .query((rs, n) -> new GeoPoint(rs.getDouble(1), rs.getDouble(2))).single();
            answers.add(api.get(quote(store, DemoDelivery.offset(at, 100, 0))).status());
        }
        assertThat(answers).as("at the door: a quote, or closed at this hour; never outside")
                .allMatch(status -> status == 200 || status == 409);
    }

    private long fee(Api api, UUID store, GeoPoint point) {
        var quote = api.get(quote(store, point));
        assertThat(quote.status()).as(quote.raw()).isEqualTo(200);
        return quote.body().path("fee").path("minor").asLong();
    }

    private static String quote(UUID store, GeoPoint point) {
        return "/api/v1/stores/" + store + "/delivery/quote?lat=" + point.lat() + "&lng=" + point.lng()
                + "&subtotal=5000";
    }

    private GeoPoint location(Api api, String token, UUID store) {
        for (var s : api.get("/api/v1/merchant/stores", token).body()) {
            if (s.path("id").asString().equals(store.toString())) {
                return new GeoPoint(s.path("lat").asDouble(), s.path("lng").asDouble());
            }
        }
        throw new AssertionError("no showcase store");
    }

    private UUID showcase() {
        return jdbc.sql("select store_id from dining_table group by store_id").query(UUID.class).single();
    }

    private static String token(Api api, String username) {
        var login = api.post("/api/v1/auth/staff/login", Map.of("username", username, "password", "demo1234"));
        assertThat(login.status()).as(username + ": " + login.raw()).isEqualTo(200);
        return login.text("token");
    }
}
