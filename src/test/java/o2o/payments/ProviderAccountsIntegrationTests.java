package o2o.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.payments.alipay.FakeAlipay;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each merchant's own gateway accounts over HTTP: only its owner changes them, keys go in and never come out, they are
 * encrypted at rest and bound to their row, no other merchant sees or touches them, and the operator's switch takes a
 * gateway away from every checkout at once.
 */
class ProviderAccountsIntegrationTests extends ApiTest {

    private static final String PATH = "/api/v1/merchant/payment-providers";

    @Autowired
    FakeAlipay alipay;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProviderAccounts accounts;
    @Autowired
    Payments payments;
    @Autowired
    JsonMapper json;

    @Test
    void theOwnerSavesCheckedSettingsThatAreNeverShownBack() {
        var merchant = fixtures.approvedMerchant("网关设置");
        var settings = alipay.newApp(false).settings();

        var saved = api.put(PATH + "/alipay", settings, merchant.ownerToken());

        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().path("settings").propertyNames()).containsExactlyInAnyOrder("appId", "sellerId", "mode");
        var listed = api.get(PATH, merchant.ownerToken());
        assertThat(listed.body().path("gateways").toString()).contains("alipay");
        assertThat(listed.body().path("accounts").get(0).path("provider").asString()).isEqualTo("alipay");
        assertThat(listed.raw()).doesNotContain(keyBody(settings.get("appPrivateKey")));
        assertThat(payments.gatewaysOf(merchant.id())).contains("alipay");
    }

    @Test
    void keysAreEncryptedAtRestAndACiphertextMovedToAnotherRowDoesNotOpen() {
        var merchant = fixtures.approvedMerchant("加密商户");
        var other = fixtures.approvedMerchant("另一商户");
        var settings = alipay.newApp(false).settings();
        assertThat(api.put(PATH + "/alipay", settings, merchant.ownerToken()).status()).isEqualTo(200);

        var sealed = jdbc.sql("select secret_config from payment_provider_account where merchant_id = :m")
                .param("m", merchant.id()).query(byte[].class).single();
        var stored = new String(sealed, StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(settings.get("appId")).doesNotContain(keyBody(settings.get("appPrivateKey")));
        assertThat(accounts.settings(merchant.id(), "alipay").orElseThrow().path("appPrivateKey").asString())
                .isEqualTo(settings.get("appPrivateKey"));

        jdbc.sql("""
                insert into payment_provider_account (merchant_id, provider, public_config, secret_config, enabled, updated_at)
                select :other, provider, public_config, secret_config, enabled, updated_at
                from payment_provider_account where merchant_id = :m
                """).param("other", other.id()).param("m", merchant.id()).update();
        assertThat(catchThrowable(() -> accounts.settings(other.id(), "alipay"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyTheOwnerChangesThemAndFloorStaffDoNotSeeThem() {
        var merchant = fixtures.approvedMerchant("权限商户");
        var settings = alipay.newApp(false).settings();
        var manager = fixtures.staff(merchant, Role.MANAGER, Set.of());
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        assertThat(api.put(PATH + "/alipay", settings, manager).status()).isEqualTo(403);
        assertThat(api.put(PATH + "/alipay", settings, cashier).status()).isEqualTo(403);
        assertThat(api.put(PATH + "/alipay", settings, customer).status()).isEqualTo(403);
        assertThat(api.put(PATH + "/alipay", settings, null).status()).isEqualTo(401);
        assertThat(api.get(PATH, cashier).status()).isEqualTo(403);
        assertThat(api.get(PATH, manager).status()).isEqualTo(200);
        assertThat(api.post(PATH + "/alipay/disable", null, manager).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from payment_provider_account where merchant_id = :m")
                .param("m", merchant.id()).query(Long.class).single()).isZero();
    }

    @Test
    void anotherMerchantNeitherSeesNorSwitchesThem() {
        var a = fixtures.approvedMerchant("甲商户");
        var b = fixtures.approvedMerchant("乙商户");
        assertThat(api.put(PATH + "/alipay", alipay.newApp(false).settings(), a.ownerToken()).status()).isEqualTo(200);

        assertThat(api.get(PATH, b.ownerToken()).body().path("accounts")).isEmpty();
        assertThat(api.post(PATH + "/alipay/disable", null, b.ownerToken()).status()).isEqualTo(404);
        var bOwn = alipay.newApp(false).settings();
        assertThat(api.put(PATH + "/alipay", bOwn, b.ownerToken()).status()).isEqualTo(200);

        assertThat(accounts.settings(a.id(), "alipay").orElseThrow().path("appId").asString())
                .isNotEqualTo(bOwn.get("appId"));
        assertThat(payments.gatewaysOf(a.id())).contains("alipay");
        assertThat(api.post(PATH + "/alipay/disable", null, b.ownerToken()).status()).isEqualTo(200);
        assertThat(payments.gatewaysOf(a.id())).as("A's account untouched").contains("alipay");
        assertThat(payments.gatewaysOf(b.id())).doesNotContain("alipay");
    }

    @Test
    void badInputIsAClearProblemAndSavesNothing() {
        var merchant = fixtures.approvedMerchant("坏输入商户");
        var good = alipay.newApp(false).settings();

        var unknown = api.put(PATH + "/bitcoin", good, merchant.ownerToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.put(PATH + "/wallet", good, merchant.ownerToken()).status()).as("not a gateway").isEqualTo(404);
        var array = api.postRaw(PATH + "/alipay", "[1]", "application/json", merchant.ownerToken());
        assertThat(array.status()).isBetween(400, 405);
        var notObject = api.send("PUT", PATH + "/alipay", java.util.List.of(1, 2), merchant.ownerToken());
        assertThat(notObject.status()).isEqualTo(400);
        var badKey = new HashMap<>(good);
        badKey.put("appPrivateKey", "-----BEGIN PRIVATE KEY-----\u0000nope");
        var refused = api.put(PATH + "/alipay", badKey, merchant.ownerToken());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("appPrivateKey");
        assertThat(jdbc.sql("select count(*) from payment_provider_account where merchant_id = :m")
                .param("m", merchant.id()).query(Long.class).single()).isZero();
    }

    @Test
    void theOperatorsSwitchTakesAGatewayAwayFromEveryCheckoutAtOnce() {
        var merchant = fixtures.approvedMerchant("开关商户");
        assertThat(api.put(PATH + "/alipay", alipay.newApp(false).settings(), merchant.ownerToken()).status())
                .isEqualTo(200);
        var operator = fixtures.operatorToken();
        assertThat(api.put("/api/v1/admin/payment-providers/alipay", Map.of("enabled", false), merchant.ownerToken())
                .status()).isEqualTo(403);
        assertThat(api.put("/api/v1/admin/payment-providers/alipay", Map.of(), operator).status()).isEqualTo(400);
        try {
            var off = api.put("/api/v1/admin/payment-providers/alipay", Map.of("enabled", false), operator);
            assertThat(off.status()).as(off.raw()).isEqualTo(200);
            assertThat(off.body().path("enabled").asBoolean()).isFalse();
            assertThat(payments.gatewaysOf(merchant.id())).doesNotContain("alipay");
            var refused = catchThrowable(() -> payments.start(new StartPayment(
                    new o2o.shared.OrderId(UUID.randomUUID()), new o2o.shared.MerchantId(merchant.id()),
                    new o2o.shared.CustomerId(UUID.randomUUID()),
                    o2o.shared.Money.cny(100), "alipay", "t", "/", PaymentProvider.Scene.PAGE, null)));
            assertThat(refused).isInstanceOf(o2o.shared.Problem.class);
            assertThat(((o2o.shared.Problem) refused).slug()).isEqualTo("payment-provider-unavailable");
            assertThat(api.get("/api/v1/admin/payment-providers", operator).raw()).contains("\"enabled\":false");
        } finally {
            api.put("/api/v1/admin/payment-providers/alipay", Map.of("enabled", true), operator);
        }
        assertThat(payments.gatewaysOf(merchant.id())).contains("alipay");
    }

    /** A line from the middle of a PEM key: what would show if the key leaked. */
    private static String keyBody(String pem) {
        var body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return body.substring(body.length() / 2, body.length() / 2 + 40);
    }
}
