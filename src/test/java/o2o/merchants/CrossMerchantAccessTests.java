package o2o.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff of one merchant can neither read nor change another merchant's stores or staff. */
class CrossMerchantAccessTests extends ApiTest {

    /** Every merchant-scoped endpoint of this module that names an object. */
    static final List<Function<Victim, Endpoint>> ENDPOINTS = List.of(
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/stores/{store}"), null,
                    v.fill("/api/v1/merchant/stores/{store}")),
            v -> Endpoint.of("PUT", v.fill("/api/v1/merchant/stores/{store}"),
                    Fixtures.storeBody("被改了", 1, 1, "火锅"), v.fill("/api/v1/merchant/stores/{store}")),
            v -> Endpoint.of("POST", "/api/v1/merchant/staff", Map.of("username", Fixtures.unique("mole"),
                    "password", "password-1", "displayName", "卧底", "role", "CASHIER",
                    "storeIds", List.of(v.objects().get("store"))), "/api/v1/merchant/staff"),
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/staff/{staff}"), null,
                    v.fill("/api/v1/merchant/staff/{staff}")),
            v -> Endpoint.of("PUT", v.fill("/api/v1/merchant/staff/{staff}"),
                    Map.of("displayName", "被改了", "role", "MANAGER"), v.fill("/api/v1/merchant/staff/{staff}")),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/staff/{staff}/disable"), null,
                    v.fill("/api/v1/merchant/staff/{staff}")),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/staff/{staff}/enable"), null,
                    v.fill("/api/v1/merchant/staff/{staff}")),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/staff/{staff}/password"),
                    Map.of("password", "hijacked-1"), v.fill("/api/v1/merchant/staff/{staff}")));

    Fixtures.MerchantFixture a;
    Fixtures.MerchantFixture b;
    Victim victim;
    String bCashier;

    @BeforeEach
    void setUp() {
        a = fixtures.approvedMerchant("甲商户");
        b = fixtures.approvedMerchant("乙商户");
        fixtures.store(a, "甲的店", 31.2, 121.4, "火锅");
        var bStore = fixtures.store(b, "乙的店", 31.2, 121.4, "火锅");
        bCashier = fixtures.staff(b, Role.CASHIER, Set.of(bStore));
        var bCashierId = api.get("/api/v1/merchant/me", bCashier).text("id");
        victim = new Victim(b.ownerToken(), Map.of("store", bStore.toString(), "staff", bCashierId));
    }

    @Test
    void anOwnerCannotGiveTheirStaffAnotherMerchantsStore() {
        var cashier = api.post("/api/v1/merchant/staff", Map.of("username", Fixtures.unique("own"), "password",
                "password-1", "displayName", "自己人", "role", "CASHIER"), a.ownerToken()).text("id");
        var before = api.get("/api/v1/merchant/staff/" + cashier, a.ownerToken()).body();
        var moved = api.put("/api/v1/merchant/staff/" + cashier, Map.of("displayName", "自己人", "role", "CASHIER",
                "storeIds", List.of(victim.objects().get("store"))), a.ownerToken());
        assertThat(moved.status()).isIn(403, 404);
        assertThat(moved.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/merchant/staff/" + cashier, a.ownerToken()).body()).isEqualTo(before);
    }

    @Test
    void anotherMerchantsStaffStayUntouchedAndSignedIn() {
        var staff = victim.objects().get("staff");
        for (var action : List.of("disable", "password")) {
            api.post("/api/v1/merchant/staff/" + staff + "/" + action, Map.of("password", "hijacked-1"), a.ownerToken());
        }
        assertThat(api.get("/api/v1/merchant/me", bCashier).status()).isEqualTo(200);

        var session = new WebSession(port).signInAsStaff(a.ownerUsername(), "password-1");
        assertThat(session.get("/merchant/staff/" + staff).status()).isEqualTo(404);
        session.get("/merchant/staff");
        assertThat(session.post("/merchant/staff/" + staff + "/disable", Map.of()).status()).isEqualTo(404);
        assertThat(session.post("/merchant/staff/" + staff, Map.of("displayName", "x", "role", "OWNER")).status())
                .isEqualTo(404);
        assertThat(session.get("/merchant/staff").body()).doesNotContain(staff);
        assertThat(api.get("/api/v1/merchant/staff/" + staff, b.ownerToken()).text("role")).isEqualTo("CASHIER");
        assertThat(api.get("/api/v1/merchant/me", bCashier).status()).isEqualTo(200);
    }

    @Test
    void everyRoleOfAnotherMerchantIsDeniedOnEveryEndpoint() {
        var aStore = api.get("/api/v1/merchant/stores", a.ownerToken()).body().get(0).path("id").asString();
        var attackers = Map.of(
                "owner", a.ownerToken(),
                "manager", fixtures.staff(a, Role.MANAGER, Set.of()),
                "cashier", fixtures.staff(a, Role.CASHIER, Set.of(UUID.fromString(aStore))));
        var check = new CrossMerchantAccess(api);
        attackers.forEach((role, token) -> ENDPOINTS.forEach(endpoint -> check.assertDenied(token, victim, endpoint)));
    }

    @Test
    void listsShowOnlyTheCallersOwnMerchant() {
        var stores = api.get("/api/v1/merchant/stores", a.ownerToken()).body();
        assertThat(stores.valueStream().map(s -> s.path("merchantId").asString())).containsOnly(a.id().toString());
        var staff = api.get("/api/v1/merchant/staff", a.ownerToken()).body();
        assertThat(staff.valueStream().map(s -> s.path("merchantId").asString())).containsOnly(a.id().toString());
        assertThat(api.get("/api/v1/merchant/profile", a.ownerToken()).text("id")).isEqualTo(a.id().toString());
    }

    @Test
    void theMerchantConsolePagesDenyAnotherMerchantsStoreToo() {
        var session = new WebSession(port).signInAsStaff(a.ownerUsername(), "password-1");
        var store = victim.objects().get("store");
        assertThat(session.get("/merchant/stores/" + store).status()).isEqualTo(404);

        session.get("/merchant");
        var post = session.post("/merchant/stores/" + store, Map.of("name", "页面篡改", "city", "上海", "address", "x",
                "lat", "31", "lng", "121", "category", "火锅", "timeZone", "Asia/Shanghai", "active", "true"));
        assertThat(post.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/stores/" + store, b.ownerToken()).text("name")).isEqualTo("乙的店");
    }
}
