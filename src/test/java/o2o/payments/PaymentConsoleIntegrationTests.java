package o2o.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.payments.wechatpay.FakeWechatPay;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's payments page through its forms: the owner saves a WeChat Pay account and the page shows the merchant
 * number back but no key; a bad key is named beside its field and nothing is saved; managers look but cannot change;
 * floor staff and other merchants see nothing; the operator switches a gateway off and on from the operator console.
 */
class PaymentConsoleIntegrationTests extends ApiTest {

    @Autowired
    FakeWechatPay wechatPay;
    @Autowired
    ProviderAccounts accounts;
    @Autowired
    Payments payments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerSavesAWechatPayAccountThatShowsItsMerchantNumberButNoSecret() {
        var merchant = fixtures.approvedMerchant("微信收款小馆");
        var settings = wechatSettings();
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        assertThat(owner.get("/merchant").body()).contains("id=\"to-payments\"");
        var before = owner.get("/merchant/payments");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body()).contains("id=\"wechatpay-form\"", "id=\"alipay-form\"", "未设置");

        var saved = owner.post("/merchant/payments/wechatpay", settings);

        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        var page = owner.get("/merchant/payments");
        assertThat(page.body()).contains("微信支付的收款账户已保存", settings.get("mchId"), settings.get("appId"),
                FakeWechatPay.PUBLIC_KEY_ID, "已开启");
        assertThat(page.body()).doesNotContain(keyBody(settings.get("privateKey")), settings.get("apiV3Key"),
                keyBody(settings.get("platformPublicKey")));
        assertThat(payments.gatewaysOf(merchant.id())).contains("wechatpay");

        assertThat(owner.post("/merchant/payments/wechatpay/disable", Map.of()).status()).isEqualTo(302);
        assertThat(owner.get("/merchant/payments").body()).contains("已由商家关闭", "id=\"wechatpay-enable\"");
        assertThat(payments.gatewaysOf(merchant.id())).doesNotContain("wechatpay");
        assertThat(owner.post("/merchant/payments/wechatpay/enable", Map.of()).status()).isEqualTo(302);
        assertThat(payments.gatewaysOf(merchant.id())).contains("wechatpay");
    }

    @Test
    void aBadKeyIsNamedBesideItsFieldAndNothingIsSaved() {
        var merchant = fixtures.approvedMerchant("坏私钥小馆");
        var settings = wechatSettings();
        settings.put("privateKey", "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----");
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        owner.get("/merchant/payments");

        var refused = owner.post("/merchant/payments/wechatpay", settings);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"wechatpay-privateKey-error\"", "请粘贴 PEM 格式的商户 API 私钥");
        assertThat(refused.body()).as("plain fields kept as typed").contains("value=\"" + settings.get("mchId") + "\"");
        assertThat(refused.body()).as("secrets are not echoed").doesNotContain(settings.get("apiV3Key"),
                keyBody(settings.get("platformPublicKey")));
        assertThat(savedAccounts(merchant)).isZero();
    }

    @Test
    void aManagerSeesTheAccountsButCannotSaveAndACashierIsTurnedAway() {
        var merchant = fixtures.approvedMerchant("经理看账户小馆");
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        owner.get("/merchant/payments");
        assertThat(owner.post("/merchant/payments/wechatpay", wechatSettings()).status()).isEqualTo(302);
        var manager = new WebSession(port).signInAsStaff(hire(merchant, Role.MANAGER), "password-1");
        var cashier = new WebSession(port).signInAsStaff(hire(merchant, Role.CASHIER), "password-1");

        var seen = manager.get("/merchant/payments");
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).contains("id=\"payments-view-only\"", "id=\"wechatpay-shown\"")
                .doesNotContain("id=\"wechatpay-form\"", "id=\"wechatpay-disable\"");
        assertThat(manager.get("/merchant").body()).contains("id=\"to-payments\"");
        assertThat(manager.post("/merchant/payments/alipay", Map.of("appId", "2021000000000001")).status())
                .isEqualTo(403);
        assertThat(manager.post("/merchant/payments/wechatpay/disable", Map.of()).status()).isEqualTo(403);

        assertThat(cashier.get("/merchant/payments").status()).isEqualTo(403);
        assertThat(cashier.get("/merchant").body()).doesNotContain("id=\"to-payments\"");
        assertThat(cashier.post("/merchant/payments/wechatpay", wechatSettings()).status()).isEqualTo(403);
        assertThat(savedAccounts(merchant)).as("only the owner's WeChat Pay account").isEqualTo(1);
        assertThat(payments.gatewaysOf(merchant.id())).contains("wechatpay").doesNotContain("alipay");
    }

    @Test
    void anotherMerchantsOwnerNeverSeesTheSettings() {
        var a = fixtures.approvedMerchant("甲收款小馆");
        var b = fixtures.approvedMerchant("乙收款小馆");
        var settings = wechatSettings();
        var ownerA = new WebSession(port).signInAsStaff(a.ownerUsername(), "password-1");
        ownerA.get("/merchant/payments");
        assertThat(ownerA.post("/merchant/payments/wechatpay", settings).status()).isEqualTo(302);

        var ownerB = new WebSession(port).signInAsStaff(b.ownerUsername(), "password-1");
        var page = ownerB.get("/merchant/payments");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(settings.get("mchId"), settings.get("appId"))
                .doesNotContain("id=\"wechatpay-shown\"");
        assertThat(ownerB.post("/merchant/payments/wechatpay/disable", Map.of()).status()).isEqualTo(404);
        assertThat(payments.gatewaysOf(a.id())).contains("wechatpay");
    }

    @Test
    void theOperatorSwitchesAlipayOffAndBackOnFromTheOperatorConsole() {
        var operator = new WebSession(port).signInAsStaff("operator", "operator-pass");
        var admin = operator.get("/admin");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("id=\"payment-switches\"", "id=\"switch-alipay\"", "id=\"switch-wechatpay\"");
        try {
            var off = operator.post("/admin/payments/alipay", Map.of("on", "false"));
            assertThat(off.status()).isEqualTo(302);
            assertThat(off.location()).endsWith("/admin#payment-switches");
            assertThat(accounts.switchedOn("alipay")).isFalse();
            assertThat(accounts.switchedOn("wechatpay")).isTrue();
            assertThat(switchOf(operator.get("/admin").body(), "alipay")).contains("已暂停", "恢复");

            var owner = new WebSession(port).signInAsStaff(fixtures.approvedMerchant("平台暂停小馆").ownerUsername(),
                    "password-1");
            assertThat(owner.get("/merchant/payments").body()).contains("平台已暂停");
            assertThat(owner.post("/admin/payments/alipay", Map.of("on", "true")).status()).isEqualTo(403);
            assertThat(accounts.switchedOn("alipay")).isFalse();

            assertThat(operator.post("/admin/payments/alipay", Map.of("on", "true")).status()).isEqualTo(302);
            assertThat(accounts.switchedOn("alipay")).isTrue();
            assertThat(switchOf(operator.get("/admin").body(), "alipay")).contains("开启中", "暂停");
        } finally {
            accounts.switchProvider(new StaffPrincipal(UUID.randomUUID(), "operator", null,
                    Role.OPERATOR, Set.of()), "alipay", true);
        }
    }

    private Map<String, String> wechatSettings() {
        var settings = new LinkedHashMap<String, String>();
        wechatPay.newMerchant(FakeWechatPay.Mode.PUBLIC_KEY).settings(wechatPay)
                .forEach((name, value) -> settings.put(name, String.valueOf(value)));
        return settings;
    }

    private String hire(MerchantFixture merchant, Role role) {
        var username = Fixtures.unique(role.name().toLowerCase());
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", username, "password", "password-1",
                "displayName", "员工", "role", role.name(), "storeIds", Set.of()), merchant.ownerToken());
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        return username;
    }

    private long savedAccounts(MerchantFixture merchant) {
        return jdbc.sql("select count(*) from payment_provider_account where merchant_id = :m")
                .param("m", merchant.id()).query(Long.class).single();
    }

    private static String switchOf(String adminPage, String provider) {
        var start = adminPage.indexOf("id=\"switch-" + provider + "\"");
        assertThat(start).isNotNegative();
        return adminPage.substring(start, adminPage.indexOf("</li>", start));
    }

    /** A line from the middle of a PEM key: what would show if the key leaked. */
    private static String keyBody(String pem) {
        var body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return body.substring(body.length() / 2, body.length() / 2 + 40);
    }
}
