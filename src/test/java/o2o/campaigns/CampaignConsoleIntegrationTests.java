package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/** The console's campaign pages: owners and managers only, and another merchant's campaign is not found. */
class CampaignConsoleIntegrationTests extends ApiTest {

    @Test
    void aCashierIsForbiddenAndAnotherMerchantsOwnerFindsNoneOfTheCampaignsPages() {
        var merchant = fixtures.approvedMerchant("控制台活动");
        var store = fixtures.store(merchant, "控制台门店", 31.23, 121.47, "火锅");
        var campaign = CampaignIntegrationTests.campaign(api, merchant, "控制台");
        var code = CampaignIntegrationTests.code(api, merchant.ownerToken(), campaign,
                Map.of("channel", "POSTER", "target", "STORE", "storeId", store)).text("id");
        var pages = new String[] {"/merchant/campaigns/" + campaign,
                "/merchant/campaigns/" + campaign + "/codes/" + code + "/poster",
                "/merchant/campaigns/" + campaign + "/codes/" + code + "/qr.png"};

        var cashierName = o2o.testing.Fixtures.unique("cashier");
        api.post("/api/v1/merchant/staff", Map.of("username", cashierName, "password", "password-1",
                "displayName", "收银", "role", Role.CASHIER.name(), "storeIds", Set.of()), merchant.ownerToken());
        var cashier = new WebSession(port).signInAsStaff(cashierName, "password-1");
        assertThat(cashier.get("/merchant/campaigns").status()).isEqualTo(403);
        for (var page : pages) assertThat(cashier.get(page).status()).as(page).isEqualTo(403);

        var other = fixtures.approvedMerchant("别家控制台");
        var stranger = new WebSession(port).signInAsStaff(other.ownerUsername(), "password-1");
        assertThat(stranger.get("/merchant/campaigns").body()).doesNotContain("控制台</strong>");
        for (var page : pages) assertThat(stranger.get(page).status()).as(page).isEqualTo(404);
        var added = stranger.post("/merchant/campaigns/" + campaign + "/codes",
                Map.of("channel", "POSTER", "target", "JOIN"));
        assertThat(added.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign + "/tracking-codes", merchant.ownerToken())
                .body().size()).isEqualTo(1);
    }

    @Test
    void aFormWithBadInputShowsItsProblemOnThePageAndCreatesNothing() {
        var merchant = fixtures.approvedMerchant("表单活动");
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        owner.get("/merchant/campaigns");
        var page = owner.post("/merchant/campaigns", Map.of("name", "坏日期", "startsOn", "2027-05-05",
                "endsOn", "2027-05-01", "mediaCost", "10", "attributionDays", "7"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"errors\"").contains("endsOn").contains("value=\"坏日期\"");
        assertThat(api.get("/api/v1/merchant/campaigns", merchant.ownerToken()).body().path("items").size()).isZero();

        var created = owner.post("/merchant/campaigns", Map.of("name", "好活动", "startsOn", "2027-05-01",
                "endsOn", "2027-05-05", "mediaCost", "10.50", "attributionDays", "7"));
        assertThat(created.status()).isEqualTo(302);
        var campaign = api.get("/api/v1/merchant/campaigns", merchant.ownerToken()).body().path("items").get(0);
        assertThat(campaign.path("mediaCost").path("minor").asLong()).isEqualTo(1050);

        var details = "/merchant/campaigns/" + campaign.path("id").asString();
        owner.get(details);
        var badCode = owner.post(details + "/codes", Map.of("channel", "POSTER", "target", "MENU", "storeId", "",
                "staffId", "", "dealId", "", "code", "", "label", ""));
        assertThat(badCode.status()).isEqualTo(200);
        assertThat(badCode.body()).contains("id=\"errors\"").contains("storeId");
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign.path("id").asString() + "/tracking-codes",
                merchant.ownerToken()).body().size()).isZero();
    }
}
