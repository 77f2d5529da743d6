package o2o.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/** The member's plates and parking pages, and the mall operator's parking console, as a browser posts them. */
class ParkingPagesIntegrationTests extends ParkingTest {

    @Test
    void aMemberAddsAPlateSeesTheStayAndPaysItWithPoints() {
        var park = carPark("页面商场", 0);
        var member = member(park.mall());
        givePoints(park.mall(), member, 5_000);
        clock.advance(Duration.ofMinutes(2)); // past the resend interval of the API's sign-in code
        var web = new WebSession(port).signInAsCustomer(member.phone(), fixtures::latestCode);

        assertThat(web.get("/me/parking").body()).contains("parking-no-plates");
        assertThat(web.get("/me/plates").body()).contains("plates-empty");
        var plate = newPlate();
        var bad = web.post("/me/plates", Map.of("plate", "ABC"));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(web.get("/me/plates").body()).contains("plate-problem").doesNotContain("plate-item");
        assertThat(web.post("/me/plates", Map.of("plate", plate)).status()).isEqualTo(302);
        assertThat(web.get("/me/plates").body()).contains("data-plate=\"" + plate + "\"");

        assertThat(web.get("/me/parking").body()).contains("parking-none");
        entered(park, plate, clock.instant().minus(Duration.ofMinutes(70)));
        var stays = web.get("/me/parking").body();
        assertThat(stays).contains("parking-stay", plate, "¥20.00", "parking-pay");
        var id = stay(member, plate).text("id");
        var paid = web.post("/me/parking/sessions/" + id + "/pay", Map.of("points", "2000"));
        assertThat(paid.status()).isEqualTo(302);
        var after = web.get("/me/parking").body();
        assertThat(after).contains("parking-paid", "parking-leave-by").doesNotContain("parking-pay\"");
        assertThat(points(park.mall(), member)).isEqualTo(3_000);

        assertThat(web.post("/me/plates/delete", Map.of("plate", plate)).status()).isEqualTo(302);
        assertThat(web.get("/me/plates").body()).doesNotContain("data-plate=\"" + plate + "\"");
    }

    @Test
    void theMallOperatorSetsTheRulesOnItsConsoleAndOthersCannotOpenIt() {
        var park = carPark("控制台商场", 1);
        var mall = park.mall();
        var operator = new WebSession(port).signInAsStaff(mall.operator().ownerUsername(), "password-1");
        assertThat(operator.get("/merchant/mall").body()).contains("to-mall-parking");
        var console = operator.get("/merchant/mall/parking");
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).contains("parking-rules", "parking-stays-empty");

        var saved = operator.post("/merchant/mall/parking/rules", Map.of("freeMinutes", "30", "hourly", "8",
                "dailyCap", "40.5", "graceMinutes", "10", "spendPerFreeHour", "200", "maxPurchaseFreeHours", "2"));
        assertThat(saved.status()).isEqualTo(302);
        var rules = api.get("/api/v1/merchant/mall/parking/rules", mall.operator().ownerToken()).body();
        assertThat(rules.path("freeMinutes").asInt()).isEqualTo(30);
        assertThat(rules.path("hourlyMinor").asLong()).isEqualTo(800);
        assertThat(rules.path("dailyCapMinor").asLong()).isEqualTo(4050);
        assertThat(rules.path("spendPerFreeHourMinor").asLong()).isEqualTo(20000);

        var refused = operator.post("/merchant/mall/parking/rules", Map.of("freeMinutes", "lots", "hourly", "8",
                "dailyCap", "40", "graceMinutes", "10", "spendPerFreeHour", "200", "maxPurchaseFreeHours", "2"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(operator.get("/merchant/mall/parking").body()).contains("parking-rules-problem");
        assertThat(api.get("/api/v1/merchant/mall/parking/rules", mall.operator().ownerToken()).body()
                .path("freeMinutes").asInt()).isEqualTo(30);

        var tenant = new WebSession(port).signInAsStaff(mall.tenants().get(0).merchant().ownerUsername(), "password-1");
        assertThat(tenant.get("/merchant/mall/parking").status()).isEqualTo(403);
    }
}
