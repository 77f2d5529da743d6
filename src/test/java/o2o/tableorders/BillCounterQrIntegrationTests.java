package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.ledger.Ledger;
import o2o.loyalty.Loyalty;
import o2o.payments.ProviderAccounts;
import o2o.payments.wechatpay.FakeWechatPay;
import o2o.tableorders.TableFixtures.Restaurant;
import o2o.tableorders.TableFixtures.Table;
import o2o.testing.ApiTest;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * At the counter the cashier shows the payer WeChat Pay's QR code for a share (a Native payment of a walk-in order);
 * the payer scans and pays, WeChat Pay notifies, and the share is paid and the bill settles.
 */
class BillCounterQrIntegrationTests extends ApiTest {

    @Autowired JdbcClient jdbc;
    @Autowired Loyalty loyalty;
    @Autowired Ledger ledger;
    @Autowired FakeWechatPay wechatPay;
    @Autowired ProviderAccounts accounts;
    @Autowired JsonMapper json;

    TableFixtures tables;
    BillFixtures bills;
    Restaurant restaurant;
    Table table;

    @BeforeEach
    void restaurantTakingWechatPay() {
        wechatPay.appBaseUrl("http://127.0.0.1:" + port);
        tables = new TableFixtures(api, fixtures);
        bills = new BillFixtures(api, fixtures, tables, jdbc, loyalty, ledger, port);
        restaurant = tables.restaurant("扫码买单");
        table = tables.seatedTable(restaurant, "Q1");
        var owner = new StaffPrincipal(UUID.randomUUID(), restaurant.merchant().ownerUsername(),
                restaurant.merchant().id(), Role.OWNER, Set.of());
        accounts.save(owner, "wechatpay", json.valueToTree(
                wechatPay.newMerchant(FakeWechatPay.Mode.PUBLIC_KEY).settings(wechatPay)));
    }

    @Test
    void theCashierShowsAWechatPayQrCodeForAShareAndTheBillSettlesWhenThePayerHasPaid() throws Exception {
        var diner = bills.diner();
        bills.greens(restaurant, table, diner, 2);
        var asked = api.post(bills.staffBillPath(table), null, restaurant.owner());
        assertThat(asked.status()).as(asked.raw()).isEqualTo(200);
        var split = api.post(bills.staffBillPath(table) + "/split", Map.of("split", "WHOLE"), restaurant.owner());
        assertThat(split.status()).as(split.raw()).isEqualTo(200);
        var share = split.body().path("shares").get(0).path("id").asString();
        var cashier = new WebSession(port).signInAsStaff(restaurant.merchant().ownerUsername(), "password-1");
        assertThat(cashier.get("/merchant/tables/" + table.id() + "/bill").body()).contains("bill-qr-wechatpay-0");

        var shown = cashier.post("/merchant/tables/" + table.id() + "/bill/shares/" + share + "/qr",
                Map.of("provider", "wechatpay"));

        assertThat(shown.status()).isEqualTo(302);
        assertThat(shown.location()).contains("/pay/wechatpay/");
        var tappedAgain = cashier.post("/merchant/tables/" + table.id() + "/bill/shares/" + share + "/qr",
                Map.of("provider", "wechatpay"));
        assertThat(tappedAgain.location()).as("a second tap shows the same code").isEqualTo(shown.location());
        var qrPage = cashier.get(shown.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(qrPage.status()).isEqualTo(200);
        assertThat(qrPage.body()).contains("wechatpay-qr", "¥36.00");
        var paymentId = UUID.fromString(shown.location().replaceAll(".*/pay/wechatpay/([0-9a-f-]{36}).*", "$1"));
        assertThat(wechatPay.pay(paymentId.toString().replace("-", ""))).isEqualTo(204);

        var settled = bills.settled(table, diner);
        assertThat(settled.path("shares").get(0).path("state").asString()).isEqualTo("PAID");
        assertThat(jdbc.sql("select customer_id is null from payment where id = :id").param("id", paymentId)
                .query(Boolean.class).single()).as("a walk-in's payment").isTrue();
    }

    @Test
    void anotherMerchantsCashierCannotShowAQrCodeForThisTable() {
        var diner = bills.diner();
        bills.greens(restaurant, table, diner, 1);
        var asked = api.post(bills.staffBillPath(table), null, restaurant.owner());
        var split = api.post(bills.staffBillPath(table) + "/split", Map.of("split", "WHOLE"), restaurant.owner());
        var share = split.body().path("shares").get(0).path("id").asString();
        assertThat(asked.status()).isEqualTo(200);
        var other = fixtures.approvedMerchant("别家");
        var stranger = new WebSession(port).signInAsStaff(other.ownerUsername(), "password-1");
        stranger.get("/merchant");

        var refused = stranger.post("/merchant/tables/" + table.id() + "/bill/shares/" + share + "/qr",
                Map.of("provider", "wechatpay"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from payment p join bill_share s on s.order_id = p.order_id where s.id = :s")
                .param("s", UUID.fromString(share)).query(Long.class).single()).isZero();
    }

    @Test
    void aGatewayThatCannotShowAQrCodeIsRefusedAndStartsNothing() {
        var diner = bills.diner();
        bills.greens(restaurant, table, diner, 1);
        api.post(bills.staffBillPath(table), null, restaurant.owner());
        var split = api.post(bills.staffBillPath(table) + "/split", Map.of("split", "WHOLE"), restaurant.owner());
        var share = split.body().path("shares").get(0).path("id").asString();
        var cashier = new WebSession(port).signInAsStaff(restaurant.merchant().ownerUsername(), "password-1");
        cashier.get("/merchant/tables/" + table.id() + "/bill");

        var refused = cashier.post("/merchant/tables/" + table.id() + "/bill/shares/" + share + "/qr",
                Map.of("provider", "sandbox"));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/merchant/tables/" + table.id() + "/bill");
        assertThat(jdbc.sql("select count(*) from payment p join bill_share s on s.order_id = p.order_id where s.id = :s")
                .param("s", UUID.fromString(share)).query(Long.class).single()).isZero();
    }
}
