package o2o.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import o2o.loyalty.Loyalty;
import o2o.malls.MallFixtures;
import o2o.malls.MallFixtures.MallFixture;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What the parking tests share: a mall with its car park's key, members with plates and points, the car park's calls. */
abstract class ParkingTest extends ApiTest {

    @Autowired
    Loyalty loyalty;

    MallFixtures malls;

    @BeforeEach
    void setUpMalls() {
        malls = new MallFixtures(api, fixtures);
        clock.freeze();
    }

    record Member(UUID id, String token, String phone) {}

    record CarPark(MallFixture mall, String key) {}

    CarPark carPark(String name, int tenants) {
        var mall = malls.mall(name, tenants);
        return new CarPark(mall, posKey(mall.operator(), mall.building()));
    }

    String posKey(Fixtures.MerchantFixture merchant, UUID store) {
        var created = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "道闸"),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("secret");
    }

    /** A signed-in customer who joined the mall's membership (through its operator's merchant). */
    Member member(MallFixture mall) {
        var phone = Fixtures.uniquePhone();
        var token = fixtures.customerToken(phone);
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", mall.operator().id()), token);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        return new Member(UUID.fromString(joined.text("customerId")), token, phone);
    }

    void givePoints(MallFixture mall, Member member, long points) {
        assertThat(loyalty.bonus(new MerchantId(mall.operator().id()), new CustomerId(member.id()), points,
                "test:" + UUID.randomUUID())).isTrue();
    }

    long points(MallFixture mall, Member member) {
        return api.get("/api/v1/me/points?merchantId=" + mall.operator().id(), member.token()).body().path("points")
                .asLong();
    }

    static String newPlate() {
        var random = ThreadLocalRandom.current();
        var provinces = "京津沪渝冀豫苏浙粤川";
        var letters = "ABCDEFGH";
        return "" + provinces.charAt(random.nextInt(provinces.length())) + letters.charAt(random.nextInt(letters.length()))
                + String.format("%05d", random.nextInt(100_000));
    }

    String plateOf(Member member) {
        var plate = newPlate();
        var added = api.post("/api/v1/me/plates", Map.of("plate", plate), member.token());
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return plate;
    }

    Api.Response enter(String key, String plate, String entryId, Instant at) {
        return api.post("/api/v1/pos/parking/entries", Map.of("plate", plate, "entryId", entryId, "enteredAt",
                at.toString()), key);
    }

    Api.Response exit(String key, String plate, String entryId, Instant at) {
        return api.post("/api/v1/pos/parking/exits", Map.of("plate", plate, "entryId", entryId, "exitedAt",
                at.toString()), key);
    }

    String entered(CarPark park, String plate, Instant at) {
        var entryId = "E" + UUID.randomUUID().toString().substring(0, 8);
        var response = enter(park.key(), plate, entryId, at);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return entryId;
    }

    Api.Response stay(Member member, String plate) {
        var stays = api.get("/api/v1/me/parking/sessions", member.token());
        assertThat(stays.status()).as(stays.raw()).isEqualTo(200);
        for (var stay : stays.body()) {
            if (stay.path("plate").asString().equals(plate)) {
                return api.get("/api/v1/me/parking/sessions/" + stay.path("id").asString(), member.token());
            }
        }
        throw new AssertionError("no current stay of " + plate + ": " + stays.raw());
    }

    Api.Response pay(Member member, String sessionId, long points) {
        return api.post("/api/v1/me/parking/sessions/" + sessionId + "/payment", Map.of("points", points),
                member.token());
    }

    void putRules(MallFixture mall, int freeMinutes, long hourly, long cap, int grace, long spendPerHour,
            int maxHours, Map<String, Integer> tiers) {
        var body = new HashMap<String, Object>();
        body.put("freeMinutes", freeMinutes);
        body.put("hourlyMinor", hourly);
        body.put("dailyCapMinor", cap);
        body.put("graceMinutes", grace);
        body.put("spendPerFreeHourMinor", spendPerHour);
        body.put("maxPurchaseFreeHours", maxHours);
        body.put("tierFreeHours", tiers);
        var saved = api.put("/api/v1/merchant/mall/parking/rules", body, mall.operator().ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }
}
