package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.PosSaleBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The results count what each member paid from the moment the campaign took them in until its window closed: a
 * sale before the send or after the window is not the campaign's; treated against held out gives the uplift exactly
 * when every treated member bought and no held-out one did.
 */
class UpliftResultsIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void treatedMembersWhoAllBoughtAgainstAHoldoutThatDidNotGiveTheWholeSpendAsUplift() {
        OutreachWorld.daytime(clock);
        var world = new OutreachWorld(api, fixtures, jdbc, "效果").withMembers(40);
        var store = fixtures.store(world.merchant, Fixtures.unique("效果店"), 31.2, 121.4, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                world.merchant.ownerToken()).text("secret");
        var before = world.members.getFirst();
        sale(key, "B-0", 99_900, before);

        var campaign = world.campaign("效果活动");
        var body = OutreachWorld.send(world.everyone(), Map.of(), OutreachWorld.sms("回来看看"));
        body.put("holdoutPercent", 50);
        assertThat(world.plan(campaign, body).status()).isEqualTo(201);
        world.awaitSent(campaign);
        var arms = world.arms(campaign);
        int treated = 0;
        for (var member : world.members) {
            if (!"TREATED".equals(arms.get(member.id()))) continue;
            treated++;
            clock.advance(Duration.ofMinutes(1));
            sale(key, "T-" + treated, 5_000, member);
        }
        var heldOut = world.members.stream().filter(m -> "HOLDOUT".equals(arms.get(m.id()))).findFirst()
                .orElseThrow();
        clock.advance(Duration.ofDays(15));
        sale(key, "LATE", 88_800, heldOut);
        Drained.await(jdbc);

        var uplift = api.get("/api/v1/merchant/campaigns/" + campaign + "/uplift", world.merchant.ownerToken());
        assertThat(uplift.status()).as(uplift.raw()).isEqualTo(200);
        var b = uplift.body();
        assertThat(b.path("treated").path("members").asInt()).isEqualTo(treated);
        assertThat(b.path("treated").path("converted").asInt()).isEqualTo(treated);
        assertThat(b.path("treated").path("spendMinor").asLong()).isEqualTo(5_000L * treated);
        assertThat(b.path("holdout").path("members").asInt()).isEqualTo(40 - treated);
        assertThat(b.path("holdout").path("converted").asInt()).as("the late sale is past the window").isZero();
        assertThat(b.path("conversionUplift").path("estimate").asDouble()).isEqualTo(1.0);
        assertThat(b.path("spendUpliftPerMemberMinor").path("estimate").asDouble()).isEqualTo(5_000.0);
        assertThat(b.path("incrementalRevenueMinor").path("estimate").asDouble()).isEqualTo(5_000.0 * treated);
        assertThat(b.path("significant").asBoolean()).isTrue();
        assertThat(b.path("smsCostMinor").asLong()).isEqualTo(5L * treated);
        assertThat(b.path("costMinor").asLong()).isEqualTo(5L * treated);
        assertThat(b.path("incrementalRoi").asDouble()).isEqualTo((5_000.0 * treated - 5.0 * treated) / (5.0 * treated));
        assertThat(b.path("complete").asBoolean()).as("15 days after a 14-day window opened").isTrue();
    }

    private void sale(String key, String id, long total, OutreachWorld.Member member) {
        var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale(id + "-" + member.id(), total,
                clock.instant().minusSeconds(5), "CASH", Map.of("phone", member.phone())), key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
    }
}
