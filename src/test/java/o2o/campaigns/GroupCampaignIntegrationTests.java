package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owner of a group program (a mall) runs campaigns for the whole group: a scan of its group campaign's code counts
 * for an order at any merchant of the group, and for none outside it; its own campaigns stay its own.
 */
class GroupCampaignIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGroupCampaignsScanCountsForAnOrderAtAnyMerchantOfTheGroupAndNoOther() {
        var mall = new AttributionWorld(api, fixtures, jdbc, "商圈主体");
        var shop = new AttributionWorld(api, fixtures, jdbc, "商圈租户");
        var outsider = new AttributionWorld(api, fixtures, jdbc, "圈外商户");
        group(mall, shop);
        var campaign = mall.campaign("商圈周年庆", 7, "GROUP");
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign, mall.merchant.ownerToken()).body()
                .path("campaign").path("audience").asString()).isEqualTo("GROUP");
        var visitor = mall.scanAnonymously(mall.poster(campaign).text("code"));
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        var atShop = shop.orderAndPay(customer, visitor, null);
        var atOutsider = outsider.orderAndPay(customer, visitor, null);

        var attributed = shop.await("ORDER", atShop);
        assertThat(attributed.campaign()).isEqualTo(UUID.fromString(campaign));
        assertThat(attributed.rule()).isEqualTo("SCAN");
        assertThat(outsider.await("ORDER", atOutsider).campaign()).as("a merchant outside the group").isNull();
        var results = api.get("/api/v1/merchant/campaigns/" + campaign + "/results?from="
                + LocalDate.now(clock.withZone(ResultsPeriod.ZONE)).minusDays(1), mall.merchant.ownerToken());
        assertThat(results.status()).as(results.raw()).isEqualTo(200);
        assertThat(results.body().path("totals").path("orders").asLong()).isEqualTo(1);
        assertThat(results.body().path("totals").path("netRevenueMinor").asLong()).isEqualTo(AttributionWorld.PRICE);
        assertThat(results.body().path("byCode").get(0).path("orders").asLong()).as("counted under its code")
                .isEqualTo(1);
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign + "/results", shop.merchant.ownerToken())
                .status()).as("the group's campaign is the owner's to read, not a member's").isEqualTo(404);
    }

    @Test
    void theOwnersOwnCampaignCountsOnlyForItsOwnOrders() {
        var mall = new AttributionWorld(api, fixtures, jdbc, "商场自营");
        var shop = new AttributionWorld(api, fixtures, jdbc, "商场租户");
        group(mall, shop);
        var own = mall.campaign("商场会员日", 7);
        var visitor = mall.scanAnonymously(mall.poster(own).text("code"));
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        var atShop = shop.orderAndPay(customer, visitor, null);
        var atMall = mall.orderAndPay(customer, visitor, null);

        assertThat(shop.await("ORDER", atShop).campaign()).isNull();
        assertThat(mall.await("ORDER", atMall).campaign()).isEqualTo(UUID.fromString(own));
    }

    @Test
    void onlyTheOwnerOfAGroupProgramRunsGroupCampaignsAndAnUnknownAudienceIsA400() {
        var mall = new AttributionWorld(api, fixtures, jdbc, "商圈甲");
        var shop = new AttributionWorld(api, fixtures, jdbc, "商圈乙");
        group(mall, shop);
        var body = CampaignIntegrationTests.campaignBody("租户想面向商圈");
        body.put("audience", "GROUP");
        var refused = api.post("/api/v1/merchant/campaigns", body, shop.merchant.ownerToken());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("campaign-group-not-owned");
        body.put("audience", "EVERYONE");
        var unknown = api.post("/api/v1/merchant/campaigns", body, mall.merchant.ownerToken());
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from campaign where merchant_id in (:a, :b)")
                .param("a", mall.merchant.id()).param("b", shop.merchant.id()).query(Long.class).single())
                .as("nothing created").isZero();
    }

    /** The operator makes a group program owned by the first merchant and puts the second in it. */
    private void group(AttributionWorld owner, AttributionWorld member) {
        var operator = fixtures.operatorToken();
        var created = api.post("/api/v1/admin/points-programs", Map.of("name", owner.merchant.id() + "积分",
                "ownerMerchantId", owner.merchant.id()), operator);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        var added = api.post("/api/v1/admin/points-programs/" + created.text("programId") + "/merchants",
                Map.of("merchantId", member.merchant.id()), operator);
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
    }
}
