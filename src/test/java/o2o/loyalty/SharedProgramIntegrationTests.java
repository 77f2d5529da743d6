package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import o2o.identity.Role;
import o2o.orders.Channel;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/** A mall's shared program: points earned at one merchant are spent at another, and the report says who owes whom. */
class SharedProgramIntegrationTests extends LoyaltyTest {

    /** Every merchant-scoped endpoint of the points program; B is the program's owner, its object the program. */
    static final List<Function<Victim, Endpoint>> ENDPOINTS = List.of(
            v -> Endpoint.of("PUT", "/api/v1/merchant/points-program", Map.of("name", "被改了", "pointsPerYuan", 99,
                    "channelRates", Map.of(), "bonusEvents", List.of(), "expiryPolicy", "MONTHS:1"),
                    "/api/v1/merchant/points-program"),
            v -> Endpoint.of("PUT", "/api/v1/merchant/tiers", Map.of("basis", "SPEND", "levels",
                    List.of(Map.of("name", "卧底", "threshold", 0))), "/api/v1/merchant/tiers"),
            v -> Endpoint.of("GET", "/api/v1/merchant/points-program/settlement?from=2026-01-01&to=2026-12-31", null,
                    "/api/v1/merchant/points-program"));

    @Test
    void pointsEarnedAtOneMerchantAreSpentAtAnotherAndTheSettlementSaysWhoOwesWhom() {
        var mall = fixtures.approvedMerchant("商场");
        var shop = fixtures.approvedMerchant("商场里的店");
        var member = member(shop);
        var ownProgram = program(shop);
        pay(shop, member, Channel.DEAL, 4000);
        assertThat(balance(ownProgram, member)).isEqualTo(40);

        var operator = fixtures.operatorToken();
        var created = api.post("/api/v1/admin/points-programs", Map.of("name", "商场通用积分", "ownerMerchantId", mall.id()),
                operator);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        var group = UUID.fromString(created.text("programId"));
        var added = api.post("/api/v1/admin/points-programs/" + group + "/merchants", Map.of("merchantId", shop.id()),
                operator);
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.body().path("merchantIds").size()).isEqualTo(2);
        assertThat(api.post("/api/v1/admin/points-programs/" + group + "/merchants", Map.of("merchantId", shop.id()),
                operator).status()).as("adding it again changes nothing").isEqualTo(200);

        join(member, mall);
        var from = clock.instant().minus(Duration.ofMinutes(1));
        pay(mall, member, Channel.DEAL, 20000);
        pay(shop, member, Channel.DEAL, 5000);
        assertThat(balance(group, member)).isEqualTo(250);
        assertThat(balance(ownProgram, member)).as("points earned before the move stay where they were").isEqualTo(40);
        spend(group, shop, member, 120);
        spend(group, mall, member, 30);
        var to = clock.instant().plus(Duration.ofMinutes(1));
        assertThat(api.get("/api/v1/me/points?merchantId=" + mall.id(), member.token()).body().path("points").asLong())
                .isEqualTo(100);
        assertThat(api.get("/api/v1/me/points?merchantId=" + shop.id(), member.token()).body().path("points").asLong())
                .isEqualTo(100);

        var query = "?from=" + from + "&to=" + to;
        var report = api.get("/api/v1/merchant/points-program/settlement" + query, mall.ownerToken());
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        var lines = report.body().path("merchants");
        assertThat(lines.size()).isEqualTo(2);
        for (var line : lines) {
            var isMall = line.path("merchantId").asString().equals(mall.id().toString());
            assertThat(line.path("issued").asLong()).isEqualTo(isMall ? 200 : 50);
            assertThat(line.path("redeemed").asLong()).isEqualTo(isMall ? 30 : 120);
            assertThat(line.path("net").asLong()).isEqualTo(isMall ? 170 : -70);
        }
        var transfers = report.body().path("transfers");
        assertThat(transfers.size()).isEqualTo(1);
        assertThat(transfers.get(0).path("fromMerchantId").asString()).isEqualTo(mall.id().toString());
        assertThat(transfers.get(0).path("toMerchantId").asString()).isEqualTo(shop.id().toString());
        assertThat(transfers.get(0).path("points").asLong()).isEqualTo(70);
        assertThat(report.body().path("pointsPerYuanOff").asInt()).isEqualTo(100);
        assertThat(transfers.get(0).path("value").path("minor").asLong()).as("70 points at 100 a yuan").isEqualTo(70);

        var operatorView = api.get("/api/v1/admin/points-programs/" + group + "/settlement" + query, operator);
        assertThat(operatorView.body().path("merchants")).isEqualTo(lines);
        var before = api.get("/api/v1/admin/points-programs/" + group + "/settlement?from=2020-01-01&to=2020-12-31",
                operator);
        assertThat(before.body().path("merchants").get(0).path("issued").asLong()).as("nothing in another period")
                .isZero();

        var shopsView = api.get("/api/v1/merchant/points-program", shop.ownerToken());
        assertThat(shopsView.body().path("programId").asString()).as("the shop's managers read the group's rules")
                .isEqualTo(group.toString());
    }

    @Test
    void noMerchantOtherThanTheOwnerNorACashierChangesTheProgramOrReadsItsSettlement() {
        var mall = fixtures.approvedMerchant("商场B");
        var shop = fixtures.approvedMerchant("店B");
        var mallStore = fixtures.store(mall, Fixtures.unique("商场店"), 31.2, 121.4, "火锅");
        var shopStore = fixtures.store(shop, Fixtures.unique("店"), 31.2, 121.4, "火锅");
        var operator = fixtures.operatorToken();
        var group = api.post("/api/v1/admin/points-programs", Map.of("name", "商场积分", "ownerMerchantId", mall.id()),
                operator).text("programId");
        api.post("/api/v1/admin/points-programs/" + group + "/merchants", Map.of("merchantId", shop.id()), operator);

        var attackers = Map.of(
                "owner of a merchant in the group", shop.ownerToken(),
                "manager of a merchant in the group", fixtures.staff(shop, Role.MANAGER, Set.of()),
                "cashier of a merchant in the group", fixtures.staff(shop, Role.CASHIER, Set.of(shopStore)),
                "cashier of the owner merchant", fixtures.staff(mall, Role.CASHIER, Set.of(mallStore)));
        var check = new CrossMerchantAccess(api);
        var victim = new Victim(mall.ownerToken(), Map.of("program", group));
        attackers.forEach((who, token) -> ENDPOINTS.forEach(endpoint -> check.assertDenied(token, victim, endpoint)));

        var cashier = attackers.get("cashier of the owner merchant");
        assertThat(api.get("/api/v1/merchant/points-program", cashier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/tiers", cashier).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/points-programs", Map.of("name", "自己建", "ownerMerchantId", shop.id()),
                shop.ownerToken()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/points-programs/" + group + "/merchants", Map.of("merchantId", shop.id()),
                mall.ownerToken()).status()).isEqualTo(403);
    }

    @Test
    void aMerchantInOneGroupCannotBeMovedIntoAnotherAndOwnProgramsTakeNoOtherMerchants() {
        var a = fixtures.approvedMerchant("商场甲");
        var b = fixtures.approvedMerchant("商场乙");
        var shop = fixtures.approvedMerchant("店丙");
        var operator = fixtures.operatorToken();
        var first = api.post("/api/v1/admin/points-programs", Map.of("name", "甲积分", "ownerMerchantId", a.id()), operator)
                .text("programId");
        var second = api.post("/api/v1/admin/points-programs", Map.of("name", "乙积分", "ownerMerchantId", b.id()), operator)
                .text("programId");
        api.post("/api/v1/admin/points-programs/" + first + "/merchants", Map.of("merchantId", shop.id()), operator);
        var moved = api.post("/api/v1/admin/points-programs/" + second + "/merchants", Map.of("merchantId", shop.id()),
                operator);
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.contentType()).startsWith("application/problem+json");
        var own = program(fixtures.approvedMerchant("独立店"));
        assertThat(api.post("/api/v1/admin/points-programs/" + own + "/merchants", Map.of("merchantId", shop.id()),
                operator).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/admin/points-programs/" + UUID.randomUUID() + "/merchants",
                Map.of("merchantId", shop.id()), operator).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/admin/points-programs", Map.of("name", "无主", "ownerMerchantId", UUID.randomUUID()),
                operator).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/points-program", shop.ownerToken()).body().path("programId").asString())
                .isEqualTo(first);
    }

    @Test
    void theConsoleFormsRefuseTheGroupsOtherMerchantsToo() {
        var mall = fixtures.approvedMerchant("商场C");
        var shop = fixtures.approvedMerchant("店C");
        var operator = fixtures.operatorToken();
        var group = api.post("/api/v1/admin/points-programs", Map.of("name", "商场C积分", "ownerMerchantId", mall.id()),
                operator).text("programId");
        api.post("/api/v1/admin/points-programs/" + group + "/merchants", Map.of("merchantId", shop.id()), operator);
        putTiers(mall, "POINTS", null, List.of(level("银卡", 100, 5, 100)));
        putRules(mall, rules("商场C积分", 1, Map.of(), List.of(Map.of("from", "2026-06-01T00:00:00Z",
                "to", "2026-06-02T00:00:00Z", "multiplierPercent", 200)), "END_OF_NEXT_YEAR"));
        var rulesBefore = api.get("/api/v1/merchant/points-program", mall.ownerToken()).body();
        var tiersBefore = api.get("/api/v1/merchant/tiers", mall.ownerToken()).body();

        var session = new WebSession(port).signInAsStaff(shop.ownerUsername(), "password-1");
        assertThat(session.get("/merchant/loyalty").status()).as("the shop reads the group's rules").isEqualTo(200);
        var forms = Map.of(
                "/merchant/loyalty/rules", Map.of("name", "篡改", "pointsPerYuan", "50", "expiryKind", "END_OF_NEXT_YEAR"),
                "/merchant/loyalty/events", Map.of("from", "2026-07-01T10:00", "to", "2026-07-02T10:00",
                        "multiplierPercent", "500"),
                "/merchant/loyalty/events/remove", Map.of("index", "0"),
                "/merchant/loyalty/tiers/basis", Map.of("basis", "SPEND", "periodDays", "1"),
                "/merchant/loyalty/tiers/add", Map.of("tierName", "卧底", "threshold", "0"),
                "/merchant/loyalty/tiers/remove", Map.of("rank", "1"));
        forms.forEach((path, fields) -> assertThat(session.post(path, fields).status()).as(path).isEqualTo(403));
        assertThat(api.get("/api/v1/merchant/points-program", mall.ownerToken()).body()).isEqualTo(rulesBefore);
        assertThat(api.get("/api/v1/merchant/tiers", mall.ownerToken()).body()).isEqualTo(tiersBefore);
    }
}
