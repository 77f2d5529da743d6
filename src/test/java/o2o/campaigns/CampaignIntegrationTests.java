package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.QrImages;
import org.junit.jupiter.api.Test;

/** Owners and managers create campaigns and tracking codes over the API; bad input changes nothing. */
class CampaignIntegrationTests extends ApiTest {

    static Map<String, Object> campaignBody(String name) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("goal", "五一拉新");
        body.put("startsOn", "2027-05-01");
        body.put("endsOn", "2027-05-05");
        body.put("mediaCost", Map.of("minor", 150000, "currency", "CNY"));
        body.put("attributionDays", 14);
        return body;
    }

    static String campaign(Api api, MerchantFixture merchant, String name) {
        var created = api.post("/api/v1/merchant/campaigns", campaignBody(name), merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    static Api.Response code(Api api, String token, String campaign, Map<String, Object> body) {
        return api.post("/api/v1/merchant/campaigns/" + campaign + "/tracking-codes", body, token);
    }

    @Test
    void anOwnerCreatesACampaignAndReadsItBack() {
        var merchant = fixtures.approvedMerchant("活动商户");
        var created = api.post("/api/v1/merchant/campaigns", campaignBody("五一海报"), merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var id = created.text("id");
        assertThat(created.header("Location")).endsWith("/api/v1/merchant/campaigns/" + id);
        assertThat(created.text("name")).isEqualTo("五一海报");
        assertThat(created.body().path("mediaCost").path("minor").asLong()).isEqualTo(150000);
        assertThat(created.body().path("attributionDays").asInt()).isEqualTo(14);

        var body = campaignBody("默认窗口");
        body.remove("attributionDays");
        body.remove("goal");
        var defaulted = api.post("/api/v1/merchant/campaigns", body, merchant.ownerToken());
        assertThat(defaulted.body().path("attributionDays").asInt()).as("the default window").isEqualTo(7);

        var one = api.get("/api/v1/merchant/campaigns/" + id, merchant.ownerToken());
        assertThat(one.status()).as(one.raw()).isEqualTo(200);
        assertThat(one.body().path("campaign").path("goal").asString()).isEqualTo("五一拉新");
        assertThat(one.body().path("campaign").path("endsOn").asString()).isEqualTo("2027-05-05");
        assertThat(one.body().path("codes").size()).isZero();
    }

    @Test
    void theListIsNewestFirstAndPagedByCursor() {
        var merchant = fixtures.approvedMerchant("分页活动");
        for (int i = 1; i <= 5; i++) campaign(api, merchant, "活动" + i);
        var seen = new HashSet<String>();
        var first = api.get("/api/v1/merchant/campaigns?limit=2", merchant.ownerToken());
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().path("items").get(0).path("name").asString()).isEqualTo("活动5");
        var cursor = first.text("next");
        first.body().path("items").forEach(c -> seen.add(c.path("id").asString()));
        while (cursor != null && !cursor.isEmpty()) {
            var next = api.get("/api/v1/merchant/campaigns?limit=2&cursor=" + cursor, merchant.ownerToken());
            next.body().path("items").forEach(c -> seen.add(c.path("id").asString()));
            cursor = next.body().path("next").isNull() ? null : next.text("next");
        }
        assertThat(seen).hasSize(5);
        assertThat(api.get("/api/v1/merchant/campaigns?limit=0", merchant.ownerToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/campaigns?cursor=nonsense", merchant.ownerToken()).status())
                .isEqualTo(400);
    }

    @Test
    void aManagerAddsCodesForEachTargetAndTheCampaignListsThemWithTheirScanCounts() throws Exception {
        var merchant = fixtures.approvedMerchant("追踪码商户");
        var manager = fixtures.staff(merchant, Role.MANAGER, Set.of());
        var store = fixtures.store(merchant, "追踪码门店", 31.23, 121.47, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 9900, null, false, "ANYTIME");
        var cashierId = api.post("/api/v1/merchant/staff", Map.of("username", o2o.testing.Fixtures.unique("referrer"),
                "password", "password-1", "displayName", "小王", "role", "CASHIER"), merchant.ownerToken()).text("id");
        var campaign = campaign(api, merchant, "全渠道");

        var poster = code(api, manager, campaign, Map.of("channel", "POSTER", "target", "STORE", "storeId", store,
                "label", "门口海报"));
        assertThat(poster.status()).as(poster.raw()).isEqualTo(201);
        assertThat(poster.header("Location")).endsWith("/tracking-codes/" + poster.text("id"));
        assertThat(poster.text("code")).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
        assertThat(poster.text("link")).endsWith("/c/" + poster.text("code"));
        assertThat(poster.text("targetId")).isEqualTo(store.toString());
        assertThat(code(api, manager, campaign, Map.of("channel", "SMS", "target", "DEAL", "targetId", deal))
                .status()).isEqualTo(201);
        var referral = code(api, manager, campaign, Map.of("channel", "STAFF_REFERRAL", "target", "JOIN",
                "staffId", cashierId, "code", "wang-2027"));
        assertThat(referral.status()).as(referral.raw()).isEqualTo(201);
        assertThat(referral.text("code")).isEqualTo("wang-2027");
        assertThat(referral.text("targetId")).as("JOIN without a store lands on the first store")
                .isEqualTo(store.toString());
        for (var target : new String[] {"MENU", "BOOKING", "PICKUP"}) {
            assertThat(code(api, manager, campaign, Map.of("channel", "TABLE_TENT", "target", target,
                    "storeId", store)).status()).as(target).isEqualTo(201);
        }

        var taken = code(api, manager, campaign, Map.of("channel", "FLYER", "target", "JOIN", "code", "wang-2027"));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(409);
        assertThat(taken.text("type")).isEqualTo("urn:o2o:problem:tracking-code-taken");

        var codes = api.get("/api/v1/merchant/campaigns/" + campaign + "/tracking-codes", manager);
        assertThat(codes.body().size()).isEqualTo(6);
        assertThat(codes.body().get(0).path("scans").asLong()).isZero();
        var details = api.get("/api/v1/merchant/campaigns/" + campaign, manager);
        assertThat(details.body().path("codes").size()).isEqualTo(6);
        var one = api.get("/api/v1/merchant/campaigns/" + campaign + "/tracking-codes/" + poster.text("id"), manager);
        assertThat(one.text("label")).isEqualTo("门口海报");

        var qr = QrImages.textAt(api,
                "/api/v1/merchant/campaigns/" + campaign + "/tracking-codes/" + poster.text("id") + "/qr.png", manager);
        assertThat(qr).isEqualTo(poster.text("link")).startsWith("http").endsWith("/c/" + poster.text("code"));
    }

    @Test
    void aCashierGetsForbiddenForEveryCampaignOperation() {
        var merchant = fixtures.approvedMerchant("收银员活动");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        var campaign = campaign(api, merchant, "只给经理");
        var store = fixtures.store(merchant, "收银员门店", 31.23, 121.47, "火锅");
        var codeId = code(api, merchant.ownerToken(), campaign, Map.of("channel", "POSTER", "target", "STORE",
                "storeId", store)).text("id");
        var base = "/api/v1/merchant/campaigns/";
        assertThat(api.post("/api/v1/merchant/campaigns", campaignBody("收银员的"), cashier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/campaigns", cashier).status()).isEqualTo(403);
        assertThat(api.get(base + campaign, cashier).status()).isEqualTo(403);
        assertThat(code(api, cashier, campaign, Map.of("channel", "POSTER", "target", "STORE", "storeId", store))
                .status()).isEqualTo(403);
        assertThat(api.get(base + campaign + "/tracking-codes", cashier).status()).isEqualTo(403);
        assertThat(api.get(base + campaign + "/tracking-codes/" + codeId, cashier).status()).isEqualTo(403);
        assertThat(api.get(base + campaign + "/tracking-codes/" + codeId + "/qr.png", cashier).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/campaigns", merchant.ownerToken()).body().path("items").size())
                .isEqualTo(1);
        assertThat(api.get(base + campaign + "/tracking-codes", merchant.ownerToken()).body().size()).isEqualTo(1);
    }

    @Test
    void badCampaignInputIsA400NamingTheFieldAndCreatesNothing() {
        var merchant = fixtures.approvedMerchant("坏活动");
        var cases = new HashMap<String, Map<String, Object>>();
        cases.put("name", with("name", " "));
        cases.put("endsOn", with("endsOn", "2027-04-30"));
        cases.put("mediaCost.minor", with("mediaCost", Map.of("minor", -1, "currency", "CNY")));
        cases.put("attributionDays", with("attributionDays", 0));
        cases.put("attributionDays ", with("attributionDays", 91));
        cases.put("startsOn", with("startsOn", "5月1日"));
        for (var bad : cases.entrySet()) {
            var response = api.post("/api/v1/merchant/campaigns", bad.getValue(), merchant.ownerToken());
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("field")).as(response.raw()).isEqualTo(bad.getKey().strip());
        }
        assertThat(api.get("/api/v1/merchant/campaigns", merchant.ownerToken()).body().path("items").size()).isZero();
    }

    @Test
    void badCodeInputIsA400NamingTheFieldAndAddsNoCode() {
        var merchant = fixtures.approvedMerchant("坏追踪码");
        var other = fixtures.approvedMerchant("别家");
        var store = fixtures.store(merchant, "自家门店", 31.23, 121.47, "火锅");
        var theirStore = fixtures.store(other, "别家门店", 31.23, 121.47, "火锅");
        var theirDeal = fixtures.deal(other, Set.of(theirStore), 9900, null, false, "ANYTIME");
        var theirStaff = api.post("/api/v1/merchant/staff", Map.of("username", o2o.testing.Fixtures.unique("other"),
                "password", "password-1", "displayName", "别家员工", "role", "CASHIER"), other.ownerToken()).text("id");
        var campaign = campaign(api, merchant, "坏输入");
        var cases = Map.<String, Map<String, Object>>of(
                "channel", Map.of("channel", "BILLBOARD", "target", "STORE", "storeId", store),
                "target", Map.of("channel", "POSTER", "target", "MOON", "storeId", store),
                "code", Map.of("channel", "POSTER", "target", "STORE", "storeId", store, "code", "a b"),
                "storeId", Map.of("channel", "POSTER", "target", "STORE", "storeId", theirStore),
                "staffId", Map.of("channel", "POSTER", "target", "STORE", "storeId", store, "staffId", theirStaff),
                "targetId", Map.of("channel", "POSTER", "target", "DEAL", "targetId", theirDeal),
                "storeId ", Map.of("channel", "POSTER", "target", "MENU"));
        for (var bad : cases.entrySet()) {
            var response = code(api, merchant.ownerToken(), campaign, bad.getValue());
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(response.text("field")).as(response.raw()).isEqualTo(bad.getKey().strip());
        }
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign + "/tracking-codes", merchant.ownerToken())
                .body().size()).isZero();
    }

    private static Map<String, Object> with(String field, Object value) {
        var body = campaignBody("坏");
        body.put(field, value);
        return body;
    }
}
