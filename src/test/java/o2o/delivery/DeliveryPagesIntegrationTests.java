package o2o.delivery;

import static o2o.delivery.DeliveryFixtures.band;
import static o2o.delivery.DeliveryFixtures.circle;
import static o2o.delivery.DeliveryFixtures.north;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery pages refuse what the service refuses, say why on the page, and show nobody else's orders. */
class DeliveryPagesIntegrationTests extends ApiTest {

    private static final Pattern ADDRESS_ID = Pattern.compile("addressId=([0-9a-f-]{36})");

    DeliveryFixtures delivery;

    @BeforeEach
    void setUp() {
        delivery = new DeliveryFixtures(api, fixtures);
    }

    WebSession signedIn(String phone) {
        return new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
    }

    /** Adds an address this many metres north of the store from the delivery page; answers its id. */
    String addAddress(WebSession session, DeliveryFixtures.Shop shop, double metersNorth) {
        var point = north(metersNorth);
        var base = "/stores/" + shop.store() + "/delivery";
        assertThat(session.get(base).status()).isEqualTo(200);
        var added = session.post("/me/addresses", Map.of("label", "家", "contact", "王小姐", "phone",
                Fixtures.uniquePhone(), "address", "静安区某路 1 号", "lat", String.valueOf(point[0]), "lng",
                String.valueOf(point[1]), "next", base));
        assertThat(added.status()).isEqualTo(302);
        var matcher = ADDRESS_ID.matcher(added.location());
        assertThat(matcher.find()).as(added.location()).isTrue();
        return matcher.group(1);
    }

    @Test
    void aVisitorIsSentToSignInFirst() {
        var shop = delivery.deliveringShop("外卖页登录", 6000);
        var page = new WebSession(port).get("/stores/" + shop.store() + "/delivery");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/signin?next=/stores/" + shop.store() + "/delivery");
    }

    @Test
    void aFeeThatChangedAfterItWasShownIsRefusedAndTheNewFeeShown() {
        var shop = delivery.shop("外卖页改价");
        var zone = delivery.zone(shop, circle("全城", 1, 6000, 2000, 500, List.of(band(3000, 100))));
        var session = signedIn(Fixtures.uniquePhone());
        var base = "/stores/" + shop.store() + "/delivery";
        var address = addAddress(session, shop, 2000);
        assertThat(session.post(base + "/cart", Map.of("itemId", shop.pork().toString(), "quantity", "1")).status())
                .isEqualTo(302);
        var shown = session.get(base + "?addressId=" + address).body();
        assertThat(shown).contains("action=\"" + base + "/cart/0/remove\"");
        assertThat(shown).contains("id=\"quote-fee\" class=\"price\">¥5.00<")
                .contains("name=\"shownFee\" value=\"5.00\"").contains("id=\"delivery-total\">¥53.00<");

        var changed = new HashMap<String, Object>(circle("全城", 1, 6000, 2000, 800, List.of(band(3000, 100))));
        var put = api.put("/api/v1/merchant/stores/" + shop.store() + "/delivery/zones/" + zone.path("id").asString(),
                changed, shop.merchant().ownerToken());
        assertThat(put.status()).as(put.raw()).isEqualTo(200);

        var refused = session.post(base + "/checkout", Map.of("addressId", address, "shownFee", "5.00",
                "note", "放门口", "provider", "online"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).contains(base);
        var again = session.get(base).body();
        assertThat(again).contains("id=\"delivery-problem\"").contains("配送费已变为 ¥8.00")
                .contains("id=\"quote-fee\" class=\"price\">¥8.00<").contains("value=\"放门口\"")
                .contains("红烧肉");
        assertThat(session.get("/me/deliveries").body()).as("nothing was ordered").contains("id=\"deliveries-empty\"");

        var placed = session.post(base + "/checkout", Map.of("addressId", address, "shownFee", "8.00",
                "provider", "online"));
        assertThat(placed.status()).isEqualTo(302);
        assertThat(placed.location()).contains("/sandbox/pay/");
    }

    @Test
    void anotherCustomersDeliveryIsNotFoundAndTheirOwnIsShownWithTheCode() {
        var shop = delivery.deliveringShop("外卖页他人", 6000);
        var phone = Fixtures.uniquePhone();
        var owner = fixtures.customerToken(phone);
        var placed = delivery.place(owner, shop.store(), delivery.order(shop, north(2000), phone));
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        var id = placed.text("id");

        var stranger = signedIn(Fixtures.uniquePhone());
        assertThat(stranger.get("/me/deliveries/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/me/deliveries/" + id + "/status").status()).isEqualTo(404);
        assertThat(stranger.post("/me/deliveries/" + id + "/cancel", Map.of()).status()).isEqualTo(404);

        clock.advance(java.time.Duration.ofMinutes(2)); // a new code for the same phone once the resend wait is over
        var customer = signedIn(phone);
        var page = customer.get("/me/deliveries/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"delivery-code\" class=\"price\">" + placed.text("code") + "<")
                .contains("待支付").contains("id=\"delivery-pay\"");
        assertThat(customer.get("/me/deliveries").body()).contains("/me/deliveries/" + id);

        assertThat(customer.post("/me/deliveries/" + id + "/cancel", Map.of()).status()).isEqualTo(302);
        assertThat(customer.get("/me/deliveries/" + id).body()).contains("id=\"delivery-status-text\"")
                .contains(">已取消<").doesNotContain("id=\"delivery-code\"");
    }

    @Test
    void theCourierPageIsForCouriersAndCouriersLandOnIt() {
        var shop = delivery.deliveringShop("外卖页骑手", 6000);
        fixtures.staff(shop.merchant(), Role.CASHIER, Set.of());
        var cashierName = jdbcUsername(shop, "CASHIER");
        var cashier = new WebSession(port).signInAsStaff(cashierName, "password-1");
        assertThat(cashier.get("/merchant/courier").status()).isEqualTo(403);

        fixtures.staff(shop.merchant(), Role.COURIER, Set.of());
        var courierName = jdbcUsername(shop, "COURIER");
        var courier = new WebSession(port);
        courier.get("/staff/login");
        var signedIn = courier.post("/staff/login", Map.of("username", courierName, "password", "password-1"));
        assertThat(signedIn.location()).endsWith("/merchant/courier");
        assertThat(courier.get("/courier").location()).endsWith("/merchant/courier");
        var page = courier.get("/merchant/courier");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("上线接单").doesNotContain("id=\"courier-offers\" hx-get");

        assertThat(courier.post("/merchant/courier/shift", Map.of("onShift", "true")).status()).isEqualTo(302);
        assertThat(courier.get("/merchant/courier").body()).contains("接单中").contains("id=\"courier-no-offers\"");
        var position = courier.post("/merchant/courier/position", Map.of("lat", "31.21", "lng", "121.4"));
        assertThat(position.status()).isEqualTo(204);
        var bad = courier.post("/merchant/courier/position", Map.of("lat", "91", "lng", "121.4"));
        assertThat(bad.status()).isBetween(400, 499);
    }

    @Test
    void theAddressBookAddsAndRemovesAndRefusesMissingCoordinates() {
        var session = signedIn(Fixtures.uniquePhone());
        assertThat(session.get("/me/addresses").body()).contains("id=\"addresses-empty\"");
        var refused = session.post("/me/addresses", Map.of("label", "公司", "contact", "李先生", "phone",
                Fixtures.uniquePhone(), "address", "徐汇区某路 2 号", "lat", "", "lng", ""));
        assertThat(refused.status()).isEqualTo(302);
        var withProblem = session.get("/me/addresses").body();
        assertThat(withProblem).contains("id=\"address-problem\"").contains("value=\"徐汇区某路 2 号\"");

        var added = session.post("/me/addresses", Map.of("label", "公司", "contact", "李先生", "phone",
                Fixtures.uniquePhone(), "address", "徐汇区某路 2 号", "lat", "31.19", "lng", "121.43"));
        assertThat(added.location()).endsWith("/me/addresses");
        var listed = session.get("/me/addresses").body();
        assertThat(listed).contains("徐汇区某路 2 号").doesNotContain("id=\"addresses-empty\"");
        var id = Pattern.compile("/me/addresses/([0-9a-f-]{36})/delete").matcher(listed);
        assertThat(id.find()).isTrue();
        assertThat(session.post("/me/addresses/" + id.group(1) + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(session.get("/me/addresses").body()).contains("id=\"addresses-empty\"");
        assertThat(session.post("/me/addresses/" + id.group(1) + "/delete", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aStoreWithoutAZoneSaysItDoesNotDeliver() {
        var shop = delivery.shop("外卖页无范围");
        var session = signedIn(Fixtures.uniquePhone());
        var page = session.get("/stores/" + shop.store() + "/delivery");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"delivery-none\"").doesNotContain("add-to-cart");
        assertThat(new WebSession(port).get("/stores/" + shop.store()).body()).contains("id=\"store-delivery-link\"");
    }

    private String jdbcUsername(DeliveryFixtures.Shop shop, String role) {
        return jdbc.sql("select username from staff_account where merchant_id = :m and role = :r")
                .param("m", shop.merchant().id()).param("r", role).query(String.class).single();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
}
