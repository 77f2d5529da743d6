package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A member's profile names the first of the reading merchant's campaigns that brought them: a group campaign's
 * customer shows it to the group's owner and not to the tenant where they paid; a tenant's own campaign shows to the
 * tenant only.
 */
class FirstCampaignIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theProfileNamesTheFirstOfTheReadersOwnCampaignsThatBroughtTheMember() {
        var mall = new AttributionWorld(api, fixtures, jdbc, "首活商场");
        var shop = new AttributionWorld(api, fixtures, jdbc, "首活租户");
        var outsider = fixtures.approvedMerchant("首活圈外");
        group(mall, shop);
        var groupCampaign = mall.campaign("商圈周年庆", 7, "GROUP");
        var shopCampaign = shop.campaign("租户开业", 7);

        var viaGroupPhone = Fixtures.uniquePhone();
        var viaGroup = join(shop.merchant, viaGroupPhone);
        shop.orderAndPay(fixtures.customerToken(viaGroupPhone),
                mall.scanAnonymously(mall.poster(groupCampaign).text("code")), null);
        var viaShopPhone = Fixtures.uniquePhone();
        var viaShop = join(shop.merchant, viaShopPhone);
        shop.orderAndPay(fixtures.customerToken(viaShopPhone),
                shop.scanAnonymously(shop.poster(shopCampaign).text("code")), null);

        var first = profile(mall.merchant, viaGroup).path("firstCampaign");
        assertThat(first.path("name").asString()).isEqualTo("商圈周年庆");
        assertThat(first.path("campaignId").asString()).isEqualTo(groupCampaign);
        assertThat(profile(shop.merchant, viaGroup).path("firstCampaign").isNull())
                .as("the group's campaign is not the tenant's").isTrue();
        assertThat(profile(shop.merchant, viaShop).path("firstCampaign").path("name").asString())
                .isEqualTo("租户开业");
        assertThat(profile(mall.merchant, viaShop).path("firstCampaign").isNull())
                .as("the tenant's own campaign is not the owner's").isTrue();
        for (var customer : new String[] {viaGroup, viaShop}) {
            assertThat(api.get("/api/v1/merchant/members/" + customer + "/profile", outsider.ownerToken()).status())
                    .isEqualTo(404);
        }
    }

    private JsonNode profile(MerchantFixture merchant, String customer) {
        var response = api.get("/api/v1/merchant/members/" + customer + "/profile", merchant.ownerToken());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private String join(MerchantFixture merchant, String phone) {
        var member = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "会员"),
                merchant.ownerToken());
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        return member.text("customerId");
    }

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
