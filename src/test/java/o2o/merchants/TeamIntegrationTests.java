package o2o.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may add and change whom in a merchant's team, and what input is refused. */
class TeamIntegrationTests extends ApiTest {

    MerchantFixture merchant;
    String manager;

    @BeforeEach
    void aMerchantWithAManager() {
        merchant = fixtures.approvedMerchant("团队规则");
        manager = fixtures.staff(merchant, Role.MANAGER, Set.of());
    }

    @Test
    void aManagerCannotCreateAnOwnerOrAnOperatorOrAnotherManager() {
        var before = staffCount();
        for (var role : List.of("OWNER", "OPERATOR", "MANAGER")) {
            var response = api.post("/api/v1/merchant/staff", hire(Fixtures.unique("up"), role), manager);
            assertThat(response.status()).as(role + ": " + response.raw()).isIn(400, 403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(staffCount()).isEqualTo(before);
        assertThat(api.post("/api/v1/merchant/staff", hire(Fixtures.unique("ok"), "WAITER"), manager).status())
                .isEqualTo(201);
    }

    @Test
    void aManagerCannotPromoteFloorStaffNorTouchTheOwnerOrAnotherManager() {
        var waiter = api.post("/api/v1/merchant/staff", hire(Fixtures.unique("w"), "WAITER"), manager).text("id");
        var promoted = api.put("/api/v1/merchant/staff/" + waiter, Map.of("displayName", "升职", "role", "OWNER"),
                manager);
        assertThat(promoted.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/staff/" + waiter, merchant.ownerToken()).text("role")).isEqualTo("WAITER");

        var owner = api.get("/api/v1/merchant/me", merchant.ownerToken()).text("id");
        var otherManager = idOf(fixtures.staff(merchant, Role.MANAGER, Set.of()));
        for (var target : List.of(owner, otherManager)) {
            assertThat(api.post("/api/v1/merchant/staff/" + target + "/disable", null, manager).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/merchant/staff/" + target + "/password", Map.of("password", "hijacked-1"),
                    manager).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/merchant/staff/" + target, merchant.ownerToken()).body()
                    .path("enabled").asBoolean()).isTrue();
        }
        assertThat(api.get("/api/v1/merchant/me", merchant.ownerToken()).status()).isEqualTo(200);

        var changed = api.put("/api/v1/merchant/staff/" + waiter, Map.of("displayName", "后厨小王", "role", "KITCHEN"),
                manager);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.text("role")).isEqualTo("KITCHEN");
    }

    @Test
    void floorStaffCannotManageTheTeam() {
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        assertThat(api.get("/api/v1/merchant/staff", cashier).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/merchant/staff", hire(Fixtures.unique("c"), "CASHIER"), cashier).status())
                .isEqualTo(403);
    }

    @Test
    void badInputIsRefusedAsProblemDetailsAndNothingChanges() {
        var taken = Fixtures.unique("taken");
        assertThat(api.post("/api/v1/merchant/staff", hire(taken, "CASHIER"), merchant.ownerToken()).status())
                .isEqualTo(201);
        var before = staffCount();

        var bodies = new java.util.LinkedHashMap<String, Object>();
        bodies.put("blank username", hire("  ", "CASHIER"));
        bodies.put("unknown role", hire(Fixtures.unique("r"), "CHEF"));
        bodies.put("too long username", hire("u".repeat(41), "CASHIER"));
        bodies.put("too long name", with(hire(Fixtures.unique("n"), "CASHIER"), "displayName", "名".repeat(41)));
        bodies.put("NUL in name", with(hire(Fixtures.unique("n"), "CASHIER"), "displayName", "小\u0000李"));
        bodies.put("NUL in username", hire("nul\u0000user", "CASHIER"));
        bodies.put("short password", with(hire(Fixtures.unique("p"), "CASHIER"), "password", "short"));
        bodies.put("duplicate username", hire(taken, "WAITER"));
        bodies.put("not a store id", with(hire(Fixtures.unique("s"), "CASHIER"), "storeIds", List.of("nope")));
        bodies.put("unknown store", with(hire(Fixtures.unique("s"), "CASHIER"), "storeIds", List.of(UUID.randomUUID())));
        bodies.put("malformed JSON", "{\"username\": ");
        bodies.forEach((what, body) -> {
            var response = api.post("/api/v1/merchant/staff", body, merchant.ownerToken());
            assertThat(response.status()).as(what + ": " + response.raw()).isBetween(400, 499);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        });
        assertThat(staffCount()).isEqualTo(before);

        var id = idOf(fixtures.staff(merchant, Role.CASHIER, Set.of()));
        var shown = api.get("/api/v1/merchant/staff/" + id, merchant.ownerToken()).body();
        for (var change : List.<Object>of(Map.of("displayName", "", "role", "CASHIER"),
                Map.of("displayName", "小\u0000李", "role", "CASHIER"),
                Map.of("displayName", "x".repeat(41), "role", "CASHIER"),
                Map.of("displayName", "小李", "role", "OPERATOR"),
                Map.of("displayName", "小李", "role", "nobody"),
                Map.of("displayName", "小李"))) {
            var response = api.put("/api/v1/merchant/staff/" + id, change, merchant.ownerToken());
            assertThat(response.status()).as(change + ": " + response.raw()).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        var badPassword = api.post("/api/v1/merchant/staff/" + id + "/password", Map.of("password", "pass\u0000word-1"),
                merchant.ownerToken());
        assertThat(badPassword.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/staff/" + id, merchant.ownerToken()).body()).isEqualTo(shown);
    }

    @Test
    void theConsolePageListsTheTeamForOwnersAndManagersOnly() {
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        var page = owner.get("/merchant/staff");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(merchant.ownerUsername()).contains("add-staff");

        var name = Fixtures.unique("floor");
        var added = owner.post("/merchant/staff", Map.of("username", name, "password", "password-1",
                "displayName", "小\u0000王", "role", "CASHIER"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("id=\"errors\"");
        assertThat(api.get("/api/v1/merchant/staff", merchant.ownerToken()).raw()).doesNotContain(name);

        var cashier = Fixtures.unique("cashier");
        fixtures.staff(merchant, Role.CASHIER, Set.of());
        api.post("/api/v1/merchant/staff", hire(cashier, "CASHIER"), merchant.ownerToken());
        var floor = new WebSession(port).signInAsStaff(cashier, "password-1");
        assertThat(floor.get("/merchant/staff").status()).isEqualTo(403);
    }

    private Map<String, Object> hire(String username, String role) {
        return Map.of("username", username, "password", "password-1", "displayName", "员工", "role", role);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        var copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private String idOf(String token) {
        return api.get("/api/v1/merchant/me", token).text("id");
    }

    private int staffCount() {
        return api.get("/api/v1/merchant/staff", merchant.ownerToken()).body().size();
    }
}
