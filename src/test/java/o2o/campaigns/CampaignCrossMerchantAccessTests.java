package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import o2o.testing.ApiTest;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import org.junit.jupiter.api.Test;

/** Staff of one merchant can neither see nor add to another merchant's campaigns and codes. */
class CampaignCrossMerchantAccessTests extends ApiTest {

    /** Every campaign endpoint of the API that names an object. */
    static final List<Function<Victim, Endpoint>> ENDPOINTS = List.of(
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/campaigns/{campaign}"), null,
                    v.fill("/api/v1/merchant/campaigns/{campaign}")),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/campaigns/{campaign}/tracking-codes"),
                    Map.of("channel", "POSTER", "target", "JOIN"), v.fill("/api/v1/merchant/campaigns/{campaign}")),
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/campaigns/{campaign}/tracking-codes"), null,
                    v.fill("/api/v1/merchant/campaigns/{campaign}")),
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/campaigns/{campaign}/tracking-codes/{code}"), null,
                    v.fill("/api/v1/merchant/campaigns/{campaign}")),
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/campaigns/{campaign}/tracking-codes/{code}/qr.png"), null,
                    v.fill("/api/v1/merchant/campaigns/{campaign}")),
            // the attacker's own campaign with the victim's code
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/campaigns/{own}/tracking-codes/{code}"), null,
                    v.fill("/api/v1/merchant/campaigns/{campaign}")),
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/campaigns/{own}/tracking-codes/{code}/qr.png"), null,
                    v.fill("/api/v1/merchant/campaigns/{campaign}")),
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/campaigns/{campaign}/results"), null,
                    v.fill("/api/v1/merchant/campaigns/{campaign}")),
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/campaigns/{campaign}/coupons"), null,
                    v.fill("/api/v1/merchant/campaigns/{campaign}")),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/campaigns/{campaign}/coupons"),
                    Map.of("templateId", v.fill("{ownTemplate}")), v.fill("/api/v1/merchant/campaigns/{campaign}")),
            // the attacker's own campaign with the victim's coupon
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/campaigns/{own}/coupons"),
                    Map.of("templateId", v.fill("{template}")), v.fill("/api/v1/merchant/campaigns/{campaign}")));

    @Test
    void anotherMerchantsStaffGetNotFoundForEveryCampaignEndpointAndChangeNothing() {
        var a = fixtures.approvedMerchant("甲活动");
        var b = fixtures.approvedMerchant("乙活动");
        fixtures.store(a, "甲门店", 31.23, 121.47, "火锅");
        var bStore = fixtures.store(b, "乙门店", 31.23, 121.47, "火锅");
        var campaign = CampaignIntegrationTests.campaign(api, b, "乙的活动");
        var own = CampaignIntegrationTests.campaign(api, a, "甲的活动");
        var code = CampaignIntegrationTests.code(api, b.ownerToken(), campaign,
                Map.of("channel", "POSTER", "target", "STORE", "storeId", bStore)).text("id");

        var template = AttributionWorld.couponTemplate(api, b.ownerToken(), "乙的券");
        var ownTemplate = AttributionWorld.couponTemplate(api, a.ownerToken(), "甲的券");
        var victim = new Victim(b.ownerToken(), Map.of("campaign", campaign, "code", code, "own", own,
                "template", template, "ownTemplate", ownTemplate));
        var access = new CrossMerchantAccess(api);
        for (var endpoint : ENDPOINTS) access.assertDenied(a.ownerToken(), victim, endpoint);
        for (var endpoint : ENDPOINTS) {
            var e = endpoint.apply(victim);
            assertThat(api.send(e.method(), e.path(), e.body(), a.ownerToken()).status())
                    .as("%s %s", e.method(), e.path()).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/merchant/campaigns", a.ownerToken()).raw()).doesNotContain(campaign);
        assertThat(api.get("/api/v1/merchant/campaigns/" + own + "/tracking-codes", a.ownerToken()).body().size())
                .as("nothing was added to the attacker's own campaign either").isZero();
        assertThat(api.get("/api/v1/merchant/campaigns/" + own + "/coupons", a.ownerToken()).body().size()).isZero();
    }
}
