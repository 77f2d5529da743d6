package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An owner runs their staff's accounts, and what the owner decides reaches a signed-in account on its very next
 * request: tokens and console sessions of a disabled account end, a new role applies at once.
 */
class StaffAccessIntegrationTests extends ApiTest {

    MerchantFixture merchant;
    String cashier;
    String cashierId;

    @BeforeEach
    void aMerchantWithACashier() {
        merchant = fixtures.approvedMerchant("员工管理");
        cashier = Fixtures.unique("cashier");
        var added = api.post("/api/v1/merchant/staff", Map.of("username", cashier, "password", "password-1",
                "displayName", "小李", "role", "CASHIER"), merchant.ownerToken());
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        cashierId = added.text("id");
    }

    @Test
    void anOwnerAddsACashierWhoCanSignIn() {
        var token = fixtures.staffToken(cashier, "password-1");
        var me = api.get("/api/v1/merchant/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("role")).isEqualTo("CASHIER");
        assertThat(me.text("merchantId")).isEqualTo(merchant.id().toString());

        var listed = api.get("/api/v1/merchant/staff", merchant.ownerToken()).body();
        assertThat(listed.valueStream().filter(s -> s.path("username").asString().equals(cashier)))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.path("displayName").asString()).isEqualTo("小李");
                    assertThat(s.path("enabled").asBoolean()).isTrue();
                });
    }

    @Test
    void aDisabledCashiersNextRequestWithTheOldTokenIsRefused() {
        var token = fixtures.staffToken(cashier, "password-1");
        assertThat(api.get("/api/v1/merchant/me", token).status()).isEqualTo(200);

        var disabled = disable();
        assertThat(disabled.body().path("enabled").asBoolean()).isFalse();

        var refused = api.get("/api/v1/merchant/me", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/auth/staff/login", Map.of("username", cashier, "password", "password-1"))
                .status()).isEqualTo(401);
    }

    @Test
    void aDisabledCashiersConsoleSessionEndsOnTheNextRequest() {
        var console = new WebSession(port).signInAsStaff(cashier, "password-1");
        assertThat(console.get("/merchant").status()).isEqualTo(200);

        disable();

        var next = console.get("/merchant");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).as("to a sign-in page").matches(".*/(staff/login|signin)$");
        assertThat(console.get("/merchant").status()).as("the session stays ended").isEqualTo(302);
    }

    @Test
    void aReEnabledCashierSignsInAgainWhileTokensFromBeforeStayVoid() {
        var before = fixtures.staffToken(cashier, "password-1");
        disable();
        var enabled = api.post("/api/v1/merchant/staff/" + cashierId + "/enable", null, merchant.ownerToken());
        assertThat(enabled.status()).as(enabled.raw()).isEqualTo(200);
        assertThat(enabled.body().path("enabled").asBoolean()).isTrue();

        var after = fixtures.staffToken(cashier, "password-1");
        assertThat(api.get("/api/v1/merchant/me", after).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/merchant/me", before).status()).isEqualTo(401);
        assertThat(new WebSession(port).signInAsStaff(cashier, "password-1").get("/merchant").status()).isEqualTo(200);
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() {
        var token = fixtures.staffToken(cashier, "password-1");
        var console = new WebSession(port).signInAsStaff(cashier, "password-1");
        assertThat(api.get("/api/v1/merchant/staff", token).status()).isEqualTo(403);
        assertThat(console.get("/merchant/staff").status()).isEqualTo(403);

        change("MANAGER", List.of());
        assertThat(api.get("/api/v1/merchant/me", token).text("role")).isEqualTo("MANAGER");
        assertThat(api.get("/api/v1/merchant/staff", token).status()).isEqualTo(200);
        assertThat(console.get("/merchant/staff").status()).isEqualTo(200);

        change("KITCHEN", List.of());
        assertThat(api.get("/api/v1/merchant/staff", token).status()).isEqualTo(403);
        assertThat(console.get("/merchant/staff").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/me", token).text("role")).isEqualTo("KITCHEN");
    }

    @Test
    void aStoreChangeTakesEffectOnTheNextRequest() {
        var first = fixtures.store(merchant, "一店", 31.2, 121.4, "火锅");
        var second = fixtures.store(merchant, "二店", 31.2, 121.4, "火锅");
        change("MANAGER", List.of(first.toString()));
        var token = fixtures.staffToken(cashier, "password-1");
        assertThat(api.get("/api/v1/merchant/stores/" + second, token).status()).isEqualTo(404);

        change("MANAGER", List.of(first.toString(), second.toString()));
        assertThat(api.get("/api/v1/merchant/stores/" + second, token).status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsTheOldTokensAndTheOldPassword() {
        var token = fixtures.staffToken(cashier, "password-1");
        var reset = api.post("/api/v1/merchant/staff/" + cashierId + "/password", Map.of("password", "password-2"),
                merchant.ownerToken());
        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);

        assertThat(api.get("/api/v1/merchant/me", token).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/staff/login", Map.of("username", cashier, "password", "password-1"))
                .status()).isEqualTo(401);
        assertThat(api.get("/api/v1/merchant/me", fixtures.staffToken(cashier, "password-2")).status())
                .isEqualTo(200);
    }

    @Test
    void theOwnerCannotDisableOrDemoteThemselves() {
        var owner = api.get("/api/v1/merchant/me", merchant.ownerToken()).text("id");
        assertThat(api.post("/api/v1/merchant/staff/" + owner + "/disable", null, merchant.ownerToken()).status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/merchant/staff/" + owner, Map.of("displayName", "我", "role", "CASHIER"),
                merchant.ownerToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/me", merchant.ownerToken()).text("role")).isEqualTo("OWNER");
    }

    private Api.Response disable() {
        var disabled = api.post("/api/v1/merchant/staff/" + cashierId + "/disable", null, merchant.ownerToken());
        assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
        return disabled;
    }

    private void change(String role, List<String> stores) {
        var changed = api.put("/api/v1/merchant/staff/" + cashierId,
                Map.of("displayName", "小李", "role", role, "storeIds", stores), merchant.ownerToken());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.text("role")).isEqualTo(role);
    }
}
