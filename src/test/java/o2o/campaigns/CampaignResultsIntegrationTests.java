package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A campaign's results over HTTP: totals, funnel and breakdowns from real flows; its coupons; bad input and roles. */
class CampaignResultsIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ResultsPeriod.ZONE));
    }

    private JsonNode results(AttributionWorld w, String campaign) {
        var read = api.get("/api/v1/merchant/campaigns/" + campaign + "/results?from=" + today().minusDays(1)
                + "&to=" + today().plusDays(1), w.merchant.ownerToken());
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        return read.body();
    }

    @Test
    void theResultsCountScansVisitorsSignInsMembersOrdersRedemptionsAndMoneyByCodeChannelStoreAndDay() {
        var w = new AttributionWorld(api, fixtures, jdbc, "活动成效");
        var campaign = w.campaign("成效活动", 7);
        var code = w.poster(campaign).text("code");
        w.scanAnonymously(code);
        var visitor = w.scanAnonymously(code);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var order = w.orderAndPay(customer, visitor, null);
        var joined = api.send("POST", "/api/v1/me/memberships", Map.of("merchantId", w.merchant.id()), customer,
                Map.of("Cookie", "o2o_vid=" + visitor));
        assertThat(joined.status()).as(joined.raw()).isIn(200, 201);
        var voucher = fixtures.vouchersOf(customer, 1).get(0).path("code").asString();
        var cashier = fixtures.staff(w.merchant, Role.CASHIER, Set.of(w.store));
        var redemption = api.post("/api/v1/merchant/redemptions", Map.of("code", voucher, "storeId", w.store),
                cashier);
        assertThat(redemption.status()).isEqualTo(200);
        w.awaitOnly("MEMBERSHIP");
        w.awaitOnly("REDEMPTION");

        var results = results(w, campaign);

        var totals = results.path("totals");
        assertThat(totals.path("scans").asLong()).isEqualTo(2);
        assertThat(totals.path("uniqueVisitors").asLong()).isEqualTo(2);
        assertThat(totals.path("signIns").asLong()).isEqualTo(1);
        assertThat(totals.path("newMembers").asLong()).isEqualTo(1);
        assertThat(totals.path("orders").asLong()).isEqualTo(1);
        assertThat(totals.path("redemptions").asLong()).isEqualTo(1);
        assertThat(totals.path("netRevenueMinor").asLong()).isEqualTo(AttributionWorld.PRICE);
        assertThat(totals.path("discountCostMinor").asLong()).isZero();
        assertThat(totals.path("mediaCostMinor").asLong()).isEqualTo(150000);
        assertThat(totals.path("roi").decimalValue()).isEqualByComparingTo("-0.9340");
        assertThat(totals.path("costPerNewMemberMinor").asLong()).isEqualTo(150000);
        var funnel = results.path("funnel");
        assertThat(funnel.path("scans").asLong()).isEqualTo(2);
        assertThat(funnel.path("visitors").asLong()).isEqualTo(2);
        assertThat(funnel.path("signIns").asLong()).isEqualTo(1);
        assertThat(funnel.path("orders").asLong()).isEqualTo(1);
        assertThat(funnel.path("paid").asLong()).isEqualTo(1);
        assertThat(funnel.path("redeemed").asLong()).isEqualTo(1);
        assertThat(results.path("byCode")).singleElement().satisfies(row -> {
            assertThat(row.path("key").asString()).isEqualTo(code);
            assertThat(row.path("scans").asLong()).isEqualTo(2);
            assertThat(row.path("orders").asLong()).isEqualTo(1);
        });
        assertThat(results.path("byChannel")).singleElement()
                .satisfies(row -> assertThat(row.path("key").asString()).isEqualTo("POSTER"));
        assertThat(results.path("byStore").toString()).contains(w.store.toString()).contains("活动成效门店");
        assertThat(results.path("byDay")).singleElement().satisfies(row -> {
            assertThat(row.path("key").asString()).isEqualTo(today().toString());
            assertThat(row.path("netRevenueMinor").asLong()).isEqualTo(AttributionWorld.PRICE);
        });
        assertThat(order).isNotBlank();
    
        var reversed = api.post("/api/v1/merchant/redemptions/" + redemption.text("id") + "/reversal", null,
                w.merchant.ownerToken());
        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(200);
        Drained.await(jdbc);
        var after = results(w, campaign);
        assertThat(after.path("totals").path("redemptions").asLong()).as("a redemption undone").isZero();
        assertThat(after.path("funnel").path("redeemed").asLong()).isZero();
        assertThat(after.path("totals").path("orders").asLong()).isEqualTo(1);
    }

    @Test
    void withoutMediaCostOrNewMembersTheRoiAndCostPerMemberAreNullAndTheDefaultPeriodIsTheCampaigns() {
        var w = new AttributionWorld(api, fixtures, jdbc, "零成本");
        var body = CampaignIntegrationTests.campaignBody("零成本活动");
        body.remove("mediaCost");
        body.put("mediaCost", Map.of("minor", 0, "currency", "CNY"));
        var campaign = api.post("/api/v1/merchant/campaigns", body, w.merchant.ownerToken()).text("id");
        var read = api.get("/api/v1/merchant/campaigns/" + campaign + "/results", w.merchant.ownerToken());
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.text("from")).isEqualTo("2027-05-01");
        assertThat(read.text("to")).isEqualTo("2027-05-05");
        assertThat(read.body().path("totals").path("roi").isNull()).isTrue();
        assertThat(read.body().path("totals").path("costPerNewMemberMinor").isNull()).isTrue();
    }

    @Test
    void aPeriodEndingBeforeItStartsOrLongerThan366DaysOrNotADateIsA400NamingTheField() {
        var w = new AttributionWorld(api, fixtures, jdbc, "坏日期");
        var campaign = w.campaign("坏日期活动", 7);
        var path = "/api/v1/merchant/campaigns/" + campaign + "/results";
        for (var query : Map.of("?from=2027-05-05&to=2027-05-01", "to", "?from=2027-01-01&to=2028-01-02", "to",
                "?from=yesterday", "from", "?to=2027-13-01", "to").entrySet()) {
            var refused = api.get(path + query.getKey(), w.merchant.ownerToken());
            assertThat(refused.status()).as(query.getKey()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.raw()).as(query.getKey()).contains(query.getValue());
        }
        assertThat(api.get(path + "?from=2027-01-01&to=2028-01-01", w.merchant.ownerToken()).status())
                .as("366 days").isEqualTo(200);
    }

    @Test
    void theResultsPageAndItsCsvAreTheOwnersAndAnUnknownTableIsA400() {
        var w = new AttributionWorld(api, fixtures, jdbc, "成效页面");
        var campaign = w.campaign("页面活动", 7);
        var code = w.poster(campaign).text("code");
        w.scanAnonymously(code);
        var owner = new o2o.testing.WebSession(port).signInAsStaff(w.merchant.ownerUsername(), "password-1");
        var path = "/merchant/campaigns/" + campaign + "/results";
        var range = "from=" + today() + "&to=" + today();
        var page = owner.get(path + "?" + range);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("活动成效").contains(code).contains("chart.umd.js");
        var csv = owner.get(path + ".csv?table=codes&" + range);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("\"" + code + "\",\"\",1,1,0");
        assertThat(owner.get(path + ".csv?table=secrets&" + range).status()).isEqualTo(400);
        var backwards = owner.get(path + "?from=2027-05-05&to=2027-05-01");
        assertThat(backwards.status()).as("back to the default period, with the problem").isEqualTo(302);

        var stranger = fixtures.approvedMerchant("别家成效");
        var other = new o2o.testing.WebSession(port).signInAsStaff(stranger.ownerUsername(), "password-1");
        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(other.get(path + ".csv?table=codes").status()).isEqualTo(404);
        assertThat(api.get("/webjars/chart.js/dist/chart.umd.js").status()).as("Chart.js is served").isEqualTo(200);
    }

    @Test
    void aCashierNeitherReadsResultsNorLinksCoupons() {
        var w = new AttributionWorld(api, fixtures, jdbc, "收银员");
        var campaign = w.campaign("收银员活动", 7);
        var template = w.couponTemplate("收银员券");
        var cashier = fixtures.staff(w.merchant, Role.CASHIER, Set.of(w.store));
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign + "/results", cashier).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/merchant/campaigns/" + campaign + "/coupons", Map.of("templateId", template),
                cashier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign + "/coupons", w.merchant.ownerToken()).body()
                .size()).isZero();
        var manager = fixtures.staff(w.merchant, Role.MANAGER, Set.of());
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign + "/results", manager).status()).isEqualTo(200);
    }

    @Test
    void aCouponTemplateBelongsToOneCampaignAndLinkingItAgainChangesNothing() {
        var w = new AttributionWorld(api, fixtures, jdbc, "券归属");
        var first = w.campaign("第一个", 7);
        var second = w.campaign("第二个", 7);
        var template = w.couponTemplate("归属券");
        var path = "/api/v1/merchant/campaigns/";
        var linked = api.post(path + first + "/coupons", Map.of("templateId", template), w.merchant.ownerToken());
        assertThat(linked.status()).as(linked.raw()).isEqualTo(201);
        assertThat(linked.text("title")).isEqualTo("归属券");
        assertThat(api.post(path + first + "/coupons", Map.of("templateId", template), w.merchant.ownerToken())
                .status()).isEqualTo(201);
        var taken = api.post(path + second + "/coupons", Map.of("templateId", template), w.merchant.ownerToken());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).isEqualTo("urn:o2o:problem:coupon-template-taken");
        var missing = api.post(path + first + "/coupons", Map.of(), w.merchant.ownerToken());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.raw()).contains("templateId");
        assertThat(api.post(path + first + "/coupons", Map.of("templateId", UUID.randomUUID()),
                w.merchant.ownerToken()).status()).isEqualTo(404);
        assertThat(api.get(path + first, w.merchant.ownerToken()).body().path("coupons")).singleElement()
                .satisfies(c -> assertThat(c.path("templateId").asString()).isEqualTo(template));
        assertThat(api.get(path + second + "/coupons", w.merchant.ownerToken()).body().size()).isZero();
    }
}
