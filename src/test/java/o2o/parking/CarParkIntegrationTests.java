package o2o.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.testing.Api;
import o2o.testing.Concurrently;
import o2o.testing.PosSaleBodies;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The car park's entries and exits through the building's POS key, priced with the member's free hours. */
class CarParkIntegrationTests extends ParkingTest {

    @Autowired
    JdbcClient jdbc;

    private long sessions(UUID mall, String plate) {
        return jdbc.sql("select count(*) from parking_session where mall_id = :m and plate = :p")
                .param("m", mall).param("p", plate).query(Long.class).single();
    }

    @Test
    void anEntryReportedTwiceOrEightTimesAtOnceIsOneStay() throws Exception {
        var park = carPark("入场商场", 0);
        var plate = newPlate();
        var at = clock.instant().minus(Duration.ofMinutes(5));
        var first = enter(park.key(), plate, "IN-1", at);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("PARKED");
        var again = enter(park.key(), plate, "IN-1", at.plusSeconds(30));
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.text("enteredAt")).isEqualTo(first.text("enteredAt"));

        var racing = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 8; i++) racing.add(() -> enter(park.key(), plate, "IN-2", at));
        var answers = Concurrently.atOnce(racing);
        assertThat(answers).extracting(Api.Response::status).containsOnly(200, 201);
        assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(answers.stream().map(r -> r.text("id")).distinct()).hasSize(1);
        assertThat(sessions(park.mall().id(), plate)).isEqualTo(2);
    }

    @Test
    void theExitIsPricedWithTheMembersTierAndTheDaysSpendAtTenantsAndAnsweredTheSameWhenRepeated() {
        var park = carPark("折扣商场", 1);
        var mall = park.mall();
        var tenant = mall.tenants().get(0);
        putRules(mall, 15, 1000, 6000, 15, 10000, 3, Map.of("金卡", 1));
        var tiers = new HashMap<String, Object>();
        tiers.put("basis", "SPEND");
        tiers.put("periodDays", null);
        tiers.put("levels", List.of(Map.of("name", "金卡", "threshold", 100, "discountPercent", 0,
                "pointsMultiplierPercent", 100)));
        assertThat(api.put("/api/v1/merchant/tiers", tiers, mall.operator().ownerToken()).status()).isEqualTo(200);

        var member = member(mall);
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", tenant.merchant().id()), member.token())
                .status()).isEqualTo(200);
        var plate = plateOf(member);
        // ¥250 at the tenant's till a minute ago: two free hours (¥100 each), and 金卡 (¥100 spent) one more
        var tenantKey = posKey(tenant.merchant(), tenant.store());
        var sale = api.post("/api/v1/pos/sales", PosSaleBodies.sale("P-" + UUID.randomUUID(), 25000,
                clock.instant().minusSeconds(60), "WECHAT", Map.of("phone", member.phone())), tenantKey);
        assertThat(sale.status()).as(sale.raw()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/me/memberships/"
                + mall.operator().id() + "/tier", member.token()).body().path("tier").path("name").asString(""),
                "金卡"::equals);

        var in = clock.instant().minus(Duration.ofMinutes(190));
        var entryId = entered(park, plate, in);
        var now = stay(member, plate);
        assertThat(now.body().path("fee").path("minor").asLong()).isEqualTo(4000);
        assertThat(now.body().path("tier").asString()).isEqualTo("金卡");
        assertThat(now.body().path("tierFreeHours").asInt()).isEqualTo(1);
        assertThat(now.body().path("spentMinor").asLong()).isEqualTo(25000);
        assertThat(now.body().path("purchaseFreeHours").asInt()).isEqualTo(2);
        assertThat(now.body().path("due").path("minor").asLong()).isEqualTo(1000);

        var out = exit(park.key(), plate, entryId, clock.instant());
        assertThat(out.status()).as(out.raw()).isEqualTo(200);
        assertThat(out.body().path("minutes").asLong()).isEqualTo(190);
        assertThat(out.body().path("fee").path("minor").asLong()).as("four started hours").isEqualTo(4000);
        assertThat(out.body().path("discount").path("minor").asLong()).as("three free hours").isEqualTo(3000);
        assertThat(out.body().path("amount").path("minor").asLong()).isEqualTo(1000);
        assertThat(out.body().path("paidInAdvance").path("minor").asLong()).isZero();
        assertThat(out.body().path("due").path("minor").asLong()).isEqualTo(1000);
        assertThat(out.body().path("barrierOpens").asBoolean()).isFalse();
        assertThat(out.body().path("tier").asString()).isEqualTo("金卡");
        assertThat(out.body().path("freeHours").asInt()).isEqualTo(3);

        var repeated = exit(park.key(), plate, entryId, clock.instant().plus(Duration.ofMinutes(3)));
        assertThat(repeated.status()).as(repeated.raw()).isEqualTo(200);
        assertThat(repeated.body().path("exitedAt")).isEqualTo(out.body().path("exitedAt"));
        assertThat(repeated.body().path("due")).isEqualTo(out.body().path("due"));
        assertThat(api.get("/api/v1/me/parking/sessions", member.token()).body().size()).as("the stay is over")
                .isZero();

        // a plate nobody registered pays the full fee
        var stranger = newPlate();
        var strangerEntry = entered(park, stranger, in);
        var full = exit(park.key(), stranger, strangerEntry, clock.instant());
        assertThat(full.body().path("due").path("minor").asLong()).isEqualTo(4000);
        assertThat(full.body().path("discount").path("minor").asLong()).isZero();
    }

    @Test
    void withinTheFreeMinutesTheBarrierOpensForNothing() {
        var park = carPark("免费商场", 0);
        var plate = newPlate();
        var entryId = entered(park, plate, clock.instant().minus(Duration.ofMinutes(15)));
        var out = exit(park.key(), plate, entryId, clock.instant());
        assertThat(out.status()).as(out.raw()).isEqualTo(200);
        assertThat(out.body().path("due").path("minor").asLong()).isZero();
        assertThat(out.body().path("barrierOpens").asBoolean()).isTrue();
    }

    @Test
    void onlyAKeyOfAMallsBuildingReportsItsCarParkAndOnlyItsOwnStays() {
        var a = carPark("甲商场", 0);
        var b = carPark("乙商场", 0);
        var plate = newPlate();
        var in = clock.instant().minus(Duration.ofHours(1));
        var bEntry = entered(b, plate, in);

        var shop = fixtures.approvedMerchant("普通餐厅");
        var shopStore = fixtures.store(shop, "普通餐厅", 31.2, 121.4, "火锅");
        var shopKey = posKey(shop, shopStore);
        var refused = enter(shopKey, plate, "X-1", in);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(exit(shopKey, plate, bEntry, clock.instant()).status()).isEqualTo(403);
        // a store of the mall's own merchant that is not the building is no car park either
        var otherStore = fixtures.store(a.mall().operator(), "甲商场写字楼", 31.2, 121.4, "办公");
        assertThat(enter(posKey(a.mall().operator(), otherStore), plate, "X-2", in).status()).isEqualTo(403);
        assertThat(sessions(a.mall().id(), plate)).isZero();

        var foreign = exit(a.key(), plate, bEntry, clock.instant());
        assertThat(foreign.status()).as("mall B's stay, asked by mall A's key").isEqualTo(404);
        assertThat(jdbc.sql("select status from parking_session where mall_id = :m and entry_id = :e")
                .param("m", b.mall().id()).param("e", bEntry).query(String.class).single()).isEqualTo("PARKED");
        assertThat(exit(b.key(), plate, bEntry, clock.instant()).status()).isEqualTo(200);
    }

    @Test
    void badPlatesTimesAndIdsAre400ProblemsAndRecordNothing() {
        var park = carPark("校验商场", 0);
        var plate = newPlate();
        var now = clock.instant();
        var cases = List.of(
                Map.of("plate", "ABC123", "entryId", "E-1", "enteredAt", now.toString()),
                Map.of("plate", plate, "entryId", "E-1", "enteredAt", "yesterday"),
                Map.of("plate", plate, "entryId", "E-1", "enteredAt", now.plus(Duration.ofHours(1)).toString()),
                Map.of("plate", plate, "entryId", "E-1", "enteredAt", now.minus(Duration.ofDays(500)).toString()),
                Map.of("plate", plate, "entryId", "bad id; drop", "enteredAt", now.toString()),
                Map.of("plate", plate, "enteredAt", now.toString()),
                Map.of("entryId", "E-1", "enteredAt", now.toString()));
        for (var body : cases) {
            var response = api.post("/api/v1/pos/parking/entries", body, park.key());
            assertThat(response.status()).as(body + " → " + response.raw()).isEqualTo(400);
            assertThat(response.contentType()).contains("application/problem+json");
        }
        assertThat(api.post("/api/v1/pos/parking/entries", null, park.key()).status()).isEqualTo(400);
        assertThat(api.postRaw("/api/v1/pos/parking/entries", "{not json", "application/json", park.key()).status())
                .isEqualTo(400);
        assertThat(sessions(park.mall().id(), plate)).isZero();

        var entryId = entered(park, plate, now.minus(Duration.ofHours(1)));
        var early = exit(park.key(), plate, entryId, now.minus(Duration.ofHours(2)));
        assertThat(early.status()).as(early.raw()).isEqualTo(400);
        assertThat(exit(park.key(), plate, entryId, "soon").status()).isEqualTo(400);
        assertThat(exit(park.key(), plate, "NOPE", now).status()).isEqualTo(404);
        assertThat(jdbc.sql("select status from parking_session where entry_id = :e").param("e", entryId)
                .query(String.class).single()).isEqualTo("PARKED");
    }

    private Api.Response exit(String key, String plate, String entryId, String at) {
        return api.post("/api/v1/pos/parking/exits", Map.of("plate", plate, "entryId", entryId, "exitedAt", at), key);
    }
}
