package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.PosSaleBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A group program's owner (a mall) sends to its group's members, including those who joined only at a tenant, and
 * what they then buy at any merchant of the group counts in its results; a tenant reaches neither the mall's campaign
 * nor its members.
 */
class GroupOutreachIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMallReachesItsProgramsMembersAndCountsWhatTheyBuyAtItsTenants() {
        OutreachWorld.daytime(clock);
        var mall = new OutreachWorld(api, fixtures, jdbc, "触达商场");
        var tenant = new OutreachWorld(api, fixtures, jdbc, "触达租户");
        var operator = fixtures.operatorToken();
        var program = api.post("/api/v1/admin/points-programs", Map.of("name", "商场积分",
                "ownerMerchantId", mall.merchant.id()), operator);
        assertThat(program.status()).as(program.raw()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/points-programs/" + program.text("programId") + "/merchants",
                Map.of("merchantId", tenant.merchant.id()), operator).status()).isEqualTo(200);
        tenant.withMembers(6);
        Drained.await(jdbc);

        var campaign = mall.campaign("商场回馈");
        var body = OutreachWorld.send(mall.everyone(), Map.of(), OutreachWorld.sms("商场周末满减"));
        body.put("holdoutPercent", 0);
        var planned = mall.plan(campaign, body);
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        mall.awaitSent(campaign);
        assertThat(mall.arms(campaign)).as("the tenant's members are the program's")
                .containsOnlyKeys(tenant.members.stream().map(OutreachWorld.Member::id).toList());
        for (var member : tenant.members) assertThat(tenant.marketingSms(member.phone())).isEqualTo(1);

        var store = fixtures.store(tenant.merchant, Fixtures.unique("租户店"), 31.2, 121.4, "服饰");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                tenant.merchant.ownerToken()).text("secret");
        var buyer = tenant.members.getFirst();
        clock.advance(java.time.Duration.ofMinutes(1)); // after the send took them in
        var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale("G-" + buyer.id(), 12_000,
                clock.instant().minusSeconds(5), "CASH", Map.of("phone", buyer.phone())), key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        Drained.await(jdbc);
        var uplift = api.get("/api/v1/merchant/campaigns/" + campaign + "/uplift", mall.merchant.ownerToken());
        assertThat(uplift.body().path("treated").path("converted").asInt()).isEqualTo(1);
        assertThat(uplift.body().path("treated").path("spendMinor").asLong()).as("bought at the tenant")
                .isEqualTo(12_000);

        var tenantToken = tenant.merchant.ownerToken();
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign + "/uplift", tenantToken).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign + "/outreach", tenantToken).status())
                .isEqualTo(404);
    }
}
