package o2o.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;

import o2o.testing.Api;
import o2o.testing.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member pays a stay with the mall's points before leaving: once, whatever races, and only their own. */
class ParkingPaymentIntegrationTests extends ParkingTest {

    @Autowired
    JdbcClient jdbc;

    private long spendings(String sessionId) {
        return jdbc.sql("select count(*) from ledger_entry where reference = :r").param("r", "parking:" + sessionId)
                .query(Long.class).single();
    }

    @Test
    void eightPaymentsAtOnceDeductOnceAndTheCarLeavesWithNothingDue() throws Exception {
        var park = carPark("缴费商场", 0);
        var member = member(park.mall());
        givePoints(park.mall(), member, 10_000);
        var plate = plateOf(member);
        var entryId = entered(park, plate, clock.instant().minus(Duration.ofMinutes(130)));

        var stay = stay(member, plate);
        assertThat(stay.body().path("due").path("minor").asLong()).as("three started hours at ¥10").isEqualTo(3000);
        assertThat(stay.body().path("points").asLong()).as("100 points a yuan by default").isEqualTo(3000);
        assertThat(stay.body().path("balance").asLong()).isEqualTo(10_000);
        var id = stay.text("id");

        var racing = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 8; i++) racing.add(() -> pay(member, id, 3000));
        var answers = Concurrently.atOnce(racing);
        assertThat(answers).extracting(Api.Response::status).containsOnly(200);
        assertThat(answers).allSatisfy(a -> assertThat(a.body().path("points").asLong()).isEqualTo(3000));
        assertThat(points(park.mall(), member)).isEqualTo(7_000);
        assertThat(spendings(id)).isEqualTo(1);

        var again = pay(member, id, 3000);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("paidAt")).isEqualTo(answers.get(0).body().path("paidAt"));
        assertThat(again.body().path("balance").asLong()).isEqualTo(7_000);
        assertThat(points(park.mall(), member)).isEqualTo(7_000);

        var paid = stay(member, plate);
        assertThat(paid.text("status")).isEqualTo("PAID");
        assertThat(paid.body().path("due").path("minor").asLong()).isZero();
        assertThat(paid.body().path("leaveBy").asString()).isNotBlank();

        clock.advance(Duration.ofMinutes(15));
        var out = exit(park.key(), plate, entryId, clock.instant());
        assertThat(out.status()).as(out.raw()).isEqualTo(200);
        assertThat(out.body().path("paidInAdvance").path("minor").asLong()).isEqualTo(3000);
        assertThat(out.body().path("due").path("minor").asLong()).isZero();
        assertThat(out.body().path("barrierOpens").asBoolean()).isTrue();
        var afterExit = pay(member, id, 3000);
        assertThat(afterExit.status()).as("the paid answer stays").isEqualTo(200);
        assertThat(points(park.mall(), member)).isEqualTo(7_000);
    }

    @Test
    void aCarStayingPastTheGraceOwesTheTimeAfterThePayment() {
        var park = carPark("超时商场", 0);
        var member = member(park.mall());
        givePoints(park.mall(), member, 5_000);
        var plate = plateOf(member);
        var entryId = entered(park, plate, clock.instant().minus(Duration.ofMinutes(50)));
        var stay = stay(member, plate);
        assertThat(pay(member, stay.text("id"), 1000).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(16));
        var out = exit(park.key(), plate, entryId, clock.instant());
        assertThat(out.body().path("fee").path("minor").asLong()).as("two started hours").isEqualTo(2000);
        assertThat(out.body().path("paidInAdvance").path("minor").asLong()).isEqualTo(1000);
        assertThat(out.body().path("due").path("minor").asLong()).isEqualTo(1000);
        assertThat(out.body().path("barrierOpens").asBoolean()).isFalse();
    }

    @Test
    void tooFewPointsOrAStalePriceChangeNothing() {
        var park = carPark("积分不足商场", 0);
        var member = member(park.mall());
        givePoints(park.mall(), member, 500);
        var plate = plateOf(member);
        entered(park, plate, clock.instant().minus(Duration.ofMinutes(30)));
        var id = stay(member, plate).text("id");

        var short_ = pay(member, id, 1000);
        assertThat(short_.status()).as(short_.raw()).isEqualTo(409);
        assertThat(short_.text("type")).endsWith("insufficient-balance");
        assertThat(points(park.mall(), member)).isEqualTo(500);
        assertThat(stay(member, plate).text("status")).isEqualTo("PARKED");
        assertThat(spendings(id)).isZero();

        givePoints(park.mall(), member, 5_000);
        var stale = pay(member, id, 900);
        assertThat(stale.status()).as(stale.raw()).isEqualTo(409);
        assertThat(stale.text("type")).endsWith("parking-fee-changed");
        assertThat(stale.body().path("points").asLong()).isEqualTo(1000);
        assertThat(points(park.mall(), member)).isEqualTo(5_500);

        for (var bad : new Object[] {0, -5, "many"}) {
            var response = api.post("/api/v1/me/parking/sessions/" + id + "/payment", Map.of("points", bad),
                    member.token());
            assertThat(response.status()).as(bad + " → " + response.raw()).isEqualTo(400);
        }
        assertThat(api.post("/api/v1/me/parking/sessions/" + id + "/payment", null, member.token()).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/me/parking/sessions/not-a-uuid/payment", Map.of("points", 1000), member.token())
                .status()).isEqualTo(400);
        assertThat(points(park.mall(), member)).isEqualTo(5_500);
        assertThat(stay(member, plate).text("status")).isEqualTo("PARKED");
    }

    @Test
    void withinTheFreeMinutesThereIsNothingToPay() {
        var park = carPark("免费缴费商场", 0);
        var member = member(park.mall());
        givePoints(park.mall(), member, 500);
        var plate = plateOf(member);
        entered(park, plate, clock.instant().minus(Duration.ofMinutes(10)));
        var stay = stay(member, plate);
        assertThat(stay.body().path("points").asLong()).isZero();
        var response = pay(member, stay.text("id"), 100);
        assertThat(response.status()).as(response.raw()).isEqualTo(409);
        assertThat(response.text("type")).endsWith("parking-nothing-due");
        assertThat(points(park.mall(), member)).isEqualTo(500);
    }

    @Test
    void anotherCustomerNeitherSeesNorPaysMyStay() {
        var park = carPark("他人商场", 0);
        var me = member(park.mall());
        var other = member(park.mall());
        givePoints(park.mall(), other, 5_000);
        var plate = plateOf(me);
        entered(park, plate, clock.instant().minus(Duration.ofMinutes(40)));
        var id = stay(me, plate).text("id");

        assertThat(api.get("/api/v1/me/parking/sessions/" + id, other.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/parking/sessions", other.token()).body().size()).isZero();
        var paid = pay(other, id, 1000);
        assertThat(paid.status()).as(paid.raw()).isEqualTo(404);
        assertThat(points(park.mall(), other)).isEqualTo(5_000);
        assertThat(stay(me, plate).text("status")).isEqualTo("PARKED");
        assertThat(api.get("/api/v1/me/parking/sessions/" + id, park.mall().operator().ownerToken()).status())
                .as("staff are no customers").isEqualTo(403);
    }
}
