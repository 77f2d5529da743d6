package o2o.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import o2o.identity.Role;
import org.junit.jupiter.api.Test;

/** A member's plates, and the mall operator's fee rules, which no one else reads or changes. */
class PlatesAndRulesIntegrationTests extends ParkingTest {

    @Test
    void aMemberRegistersAtMostThreePlatesThatNoOtherMemberHas() {
        var me = fixtures.customerToken(o2o.testing.Fixtures.uniquePhone());
        var other = fixtures.customerToken(o2o.testing.Fixtures.uniquePhone());
        var first = newPlate();
        var added = api.post("/api/v1/me/plates", Map.of("plate", " " + first.toLowerCase() + " "), me);
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.text("plate")).isEqualTo(first);
        assertThat(api.post("/api/v1/me/plates", Map.of("plate", first), me).status()).as("again: the same")
                .isEqualTo(201);
        var taken = api.post("/api/v1/me/plates", Map.of("plate", first), other);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).endsWith("plate-taken");

        var newEnergy = "沪AD" + String.format("%05d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000));
        assertThat(api.post("/api/v1/me/plates", Map.of("plate", newEnergy), me).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/me/plates", Map.of("plate", newPlate()), me).status()).isEqualTo(201);
        var fourth = api.post("/api/v1/me/plates", Map.of("plate", newPlate()), me);
        assertThat(fourth.status()).as(fourth.raw()).isEqualTo(409);
        assertThat(fourth.text("type")).endsWith("parking-plates-full");
        assertThat(api.get("/api/v1/me/plates", me).body().size()).isEqualTo(3);

        for (var bad : new String[] {"", "ABC", "沪A1234", "沪A1234567"}) {
            var response = api.post("/api/v1/me/plates", Map.of("plate", bad), other);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).contains("application/problem+json");
        }
        assertThat(api.post("/api/v1/me/plates", null, other).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me/plates", other).body().size()).isZero();

        var path = "/api/v1/me/plates/" + URLEncoder.encode(first, StandardCharsets.UTF_8);
        assertThat(api.delete(path, other).status()).as("not theirs").isEqualTo(404);
        assertThat(api.delete(path, me).status()).isEqualTo(204);
        assertThat(api.delete(path, me).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/plates", Map.of("plate", first), other).status()).as("free again")
                .isEqualTo(201);
    }

    @Test
    void eachMallOperatorReadsAndChangesOnlyItsOwnRules() {
        var a = malls.mall("规则甲", 1);
        var b = malls.mall("规则乙", 0);
        var defaults = api.get("/api/v1/merchant/mall/parking/rules", a.operator().ownerToken());
        assertThat(defaults.status()).as(defaults.raw()).isEqualTo(200);
        assertThat(defaults.body().path("freeMinutes").asInt()).isEqualTo(15);
        assertThat(defaults.body().path("hourlyMinor").asLong()).isEqualTo(1000);

        putRules(a, 30, 800, 4000, 10, 20000, 2, Map.of("金卡", 2));
        var read = api.get("/api/v1/merchant/mall/parking/rules", a.operator().ownerToken()).body();
        assertThat(read.path("freeMinutes").asInt()).isEqualTo(30);
        assertThat(read.path("tierFreeHours").path("金卡").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/merchant/mall/parking/rules", b.operator().ownerToken()).body()
                .path("freeMinutes").asInt()).as("mall B keeps its own").isEqualTo(15);

        var tenantOwner = a.tenants().get(0).merchant().ownerToken();
        assertThat(api.get("/api/v1/merchant/mall/parking/rules", tenantOwner).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/merchant/mall/parking/rules", rules(0), tenantOwner).status()).isEqualTo(403);
        var cashier = fixtures.staff(a.operator(), Role.CASHIER, Set.of(a.building()));
        assertThat(api.get("/api/v1/merchant/mall/parking/rules", cashier).status()).isEqualTo(403);
        var customer = fixtures.customerToken(o2o.testing.Fixtures.uniquePhone());
        assertThat(api.get("/api/v1/merchant/mall/parking/rules", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/mall/parking/rules", null).status()).isEqualTo(401);

        var bad = new HashMap<>(rules(30));
        bad.put("dailyCapMinor", 100);
        assertThat(api.put("/api/v1/merchant/mall/parking/rules", bad, a.operator().ownerToken()).status())
                .isEqualTo(400);
        var missing = new HashMap<>(rules(30));
        missing.remove("hourlyMinor");
        assertThat(api.put("/api/v1/merchant/mall/parking/rules", missing, a.operator().ownerToken()).status())
                .isEqualTo(400);
        var badTier = new HashMap<>(rules(30));
        badTier.put("tierFreeHours", Map.of("金卡", 99));
        assertThat(api.put("/api/v1/merchant/mall/parking/rules", badTier, a.operator().ownerToken()).status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/merchant/mall/parking/rules", null, a.operator().ownerToken()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/mall/parking/rules", a.operator().ownerToken()).body()).isEqualTo(read);
    }

    private static Map<String, Object> rules(int freeMinutes) {
        return Map.of("freeMinutes", freeMinutes, "hourlyMinor", 1000, "dailyCapMinor", 6000, "graceMinutes", 15,
                "spendPerFreeHourMinor", 10000, "maxPurchaseFreeHours", 3, "tierFreeHours", Map.of());
    }
}
