package o2o.malls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.PosSaleBodies;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One mall membership: a customer who joins the mall earns in the mall's program at any tenant — online (a deal
 * paid) and at a tenant's POS — into one balance, spends it at a third tenant's counter, and climbs the mall's tiers
 * on what they spend across the mall.
 */
class MallMembershipIntegrationTests extends ApiTest {

    @Test
    void pointsEarnedOnlineAtOneTenantAndAtAnothersPosLandInOneBalanceSpentAtAThirdAndTiersCountMallWideSpend() {
        var mall = new MallFixtures(api, fixtures).mall("会员通", 3);
        var a = mall.tenants().get(0);
        var b = mall.tenants().get(1);
        var c = mall.tenants().get(2);
        var tiers = api.put("/api/v1/merchant/tiers", Map.of("basis", "SPEND", "levels", List.of(
                Map.of("name", "银卡", "threshold", 100, "discountPercent", 0, "pointsMultiplierPercent", 100),
                Map.of("name", "金卡", "threshold", 300, "discountPercent", 5, "pointsMultiplierPercent", 100))),
                mall.operator().ownerToken());
        assertThat(tiers.status()).as(tiers.raw()).isEqualTo(200);

        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var before = membership(mall, customer);
        assertThat(before.path("member").asBoolean()).isFalse();
        var joined = api.post("/api/v1/me/malls/" + mall.id() + "/membership", null, customer);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        assertThat(joined.body().path("member").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/me/malls/" + mall.id() + "/membership", null, customer).status())
                .as("joining again changes nothing").isEqualTo(200);
        var outsider = fixtures.customerToken(Fixtures.uniquePhone());

        // tenant A, online: a deal paid
        var deal = fixtures.deal(a.merchant(), Set.of(a.store()), 8000, null, false, "ANYTIME");
        for (var token : List.of(customer, outsider)) {
            var order = fixtures.order(token, deal, 1);
            assertThat(order.status()).as(order.raw()).isEqualTo(201);
            fixtures.pay(token, order.text("id"), true);
        }
        awaitPoints(mall, customer, 80);

        // tenant B, at its POS, the member named by phone
        var key = api.post("/api/v1/merchant/stores/" + b.store() + "/pos-keys", Map.of("name", "前台"),
                b.merchant().ownerToken());
        assertThat(key.status()).as(key.raw()).isEqualTo(201);
        var sale = api.post("/api/v1/pos/sales", PosSaleBodies.sale(Fixtures.unique("MALL-"), 15000,
                clock.instant().minusSeconds(30), "WECHAT", Map.of("phone", phone)), key.text("secret"));
        assertThat(sale.status()).as(sale.raw()).isEqualTo(201);
        var card = awaitPoints(mall, customer, 230);
        assertThat(card.path("tier").path("name").asString()).as("¥230 spent across the mall").isEqualTo("银卡");
        assertThat(card.path("next").path("name").asString()).isEqualTo("金卡");
        assertThat(card.path("measure").asLong()).isEqualTo(23_000);
        assertThat(card.path("needed").asLong()).isEqualTo(30_000);
        assertThat(card.path("progressPercent").asInt()).isEqualTo(76);
        assertThat(membership(mall, outsider).path("points").asLong()).as("not a member: nothing earned").isZero();

        // tenant C, at the counter
        var spent = api.send("POST", "/api/v1/merchant/points/redemptions", Map.of("phone", phone, "points", 100),
                c.merchant().ownerToken(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(spent.status()).as(spent.raw()).isEqualTo(201);
        assertThat(spent.body().path("value").path("minor").asLong()).as("100 points at 100 a yuan").isEqualTo(100);
        assertThat(spent.body().path("balance").asLong()).isEqualTo(130);
        assertThat(membership(mall, customer).path("points").asLong()).isEqualTo(130);
        var lookup = api.get("/api/v1/merchant/members/lookup?phone=" + phone, c.merchant().ownerToken());
        assertThat(lookup.status()).as("a mall member is found at every tenant's counter").isEqualTo(200);
        assertThat(lookup.body().path("points").asLong()).isEqualTo(130);

        var from = clock.instant().minus(Duration.ofHours(1));
        var to = clock.instant().plus(Duration.ofHours(1));
        var report = api.get("/api/v1/merchant/points-program/settlement?from=" + from + "&to=" + to,
                mall.operator().ownerToken());
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        for (var line : report.body().path("merchants")) {
            var merchant = UUID.fromString(line.path("merchantId").asString());
            long issued = merchant.equals(a.merchant().id()) ? 80 : merchant.equals(b.merchant().id()) ? 150 : 0;
            long redeemed = merchant.equals(c.merchant().id()) ? 100 : 0;
            assertThat(line.path("issued").asLong()).as("issued at " + merchant).isEqualTo(issued);
            assertThat(line.path("redeemed").asLong()).as("redeemed at " + merchant).isEqualTo(redeemed);
        }
    }

    @Test
    void theMemberQrCodeOfTheMallIsGoodAtATenantsCounterAndNotOutsideTheMall() {
        var mall = new MallFixtures(api, fixtures).mall("扫码通", 1);
        var tenant = mall.tenants().getFirst();
        var elsewhere = fixtures.approvedMerchant("商场外");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        api.post("/api/v1/me/malls/" + mall.id() + "/membership", null, customer);
        var token = api.get("/api/v1/me/memberships/" + mall.operator().id() + "/qr-token", customer);
        assertThat(token.status()).as(token.raw()).isEqualTo(200);
        var qr = token.text("token");
        var atTenant = api.get("/api/v1/merchant/members/lookup?qr=" + qr, tenant.merchant().ownerToken());
        assertThat(atTenant.status()).as(atTenant.raw()).isEqualTo(200);
        var outside = api.get("/api/v1/merchant/members/lookup?qr=" + qr, elsewhere.ownerToken());
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.text("type")).endsWith("member-qr-other-merchant");
    }

    @Test
    void theCardPageOffersJoiningShowsTheQrCodePointsAndTierAndAnUnknownMallIsNotFound() {
        var mall = new MallFixtures(api, fixtures).mall("卡页", 1);
        var anonymous = new WebSession(port).get("/malls/" + mall.id() + "/card");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).contains("mall-card-signin").doesNotContain("member-qr");
        var phone = Fixtures.uniquePhone();
        var session = new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
        assertThat(session.get("/malls/" + mall.id() + "/card").body()).contains("mall-card-join");
        var joined = session.post("/me/malls/" + mall.id() + "/membership", Map.of());
        assertThat(joined.status()).isEqualTo(302);
        var tiers = api.put("/api/v1/merchant/tiers", Map.of("basis", "SPEND", "levels", List.of(
                Map.of("name", "银卡", "threshold", 100, "discountPercent", 0, "pointsMultiplierPercent", 100))),
                mall.operator().ownerToken());
        assertThat(tiers.status()).as(tiers.raw()).isEqualTo(200);
        var card = session.get("/malls/" + mall.id() + "/card");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body()).contains("member-qr", "mall-card-points", "mall-card-progress", "¥100.00")
                .doesNotContain("mall-card-join");
        assertThat(session.get("/me/memberships/" + mall.operator().id() + "/qr").body()).contains("member-qr-image");
        assertThat(new WebSession(port).get("/malls/" + UUID.randomUUID() + "/card").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/malls/" + UUID.randomUUID() + "/membership",
                fixtures.customerToken(Fixtures.uniquePhone())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/malls/not-a-uuid/membership",
                fixtures.customerToken(Fixtures.uniquePhone())).status()).isEqualTo(400);
    }

    private JsonNode membership(MallFixtures.MallFixture mall, String customer) {
        var response = api.get("/api/v1/me/malls/" + mall.id() + "/membership", customer);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private JsonNode awaitPoints(MallFixtures.MallFixture mall, String customer, long points) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> membership(mall, customer), body -> body.path("points").asLong() == points);
    }
}
