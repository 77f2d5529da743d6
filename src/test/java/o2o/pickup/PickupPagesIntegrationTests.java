package o2o.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The phone pages refuse what the API refuses, say why on the page, and place nothing. */
class PickupPagesIntegrationTests extends ApiTest {

    PickupFixtures pickup;

    @BeforeEach
    void setUp() {
        pickup = new PickupFixtures(api, fixtures);
    }

    WebSession signedIn(String phone) {
        return new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
    }

    @Test
    void aVisitorIsSentToSignInFirst() {
        var shop = pickup.shop("自提页登录", PickupFixtures.allDay());
        var page = new WebSession(port).get("/stores/" + shop.store() + "/pickup");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/signin?next=/stores/" + shop.store() + "/pickup");
    }

    @Test
    void theCartRefusesSoldOutDishesAndCheckoutRefusesAnEmptyCartOrABadTime() {
        var shop = pickup.shop("自提页校验", PickupFixtures.allDay());
        assertThat(api.put("/api/v1/merchant/stores/" + shop.store() + "/menu/items/" + shop.drink() + "/sold-out",
                Map.of("soldOut", true), shop.merchant().ownerToken()).status()).isEqualTo(200);
        var phone = Fixtures.uniquePhone();
        var session = signedIn(phone);
        var base = "/stores/" + shop.store() + "/pickup";
        assertThat(session.get(base).status()).isEqualTo(200);

        assertThat(session.post(base + "/cart", Map.of("itemId", shop.drink().toString(), "quantity", "1")).status())
                .isEqualTo(302);
        var afterSoldOut = session.get(base).body();
        assertThat(afterSoldOut).contains("id=\"pickup-problem\"").contains("id=\"cart-empty\"");

        assertThat(session.post(base + "/checkout", Map.of("pickupTime", "")).status()).isEqualTo(302);
        assertThat(session.get(base).body()).contains("id=\"pickup-problem\"");

        assertThat(session.post(base + "/cart", Map.of("itemId", shop.pork().toString(), "quantity", "2",
                "opt-size", shop.large().toString())).status()).isEqualTo(302);
        var withPork = session.get(base).body();
        assertThat(withPork).doesNotContain("id=\"pickup-problem\"").contains("红烧肉（大）").contains("¥116.00");

        assertThat(session.post(base + "/checkout", Map.of("pickupTime", "25:00")).status()).isEqualTo(302);
        var badTime = session.get(base).body();
        assertThat(badTime).contains("id=\"pickup-problem\"").contains("红烧肉（大）");
        assertThat(session.get("/me/pickups").body()).contains("id=\"pickups-empty\"");

        var placed = session.post(base + "/checkout", Map.of("pickupTime", "", "note", "多放葱", "provider", "sandbox"));
        assertThat(placed.status()).isEqualTo(302);
        assertThat(placed.location()).contains("/sandbox/pay/");
        var mine = session.get("/me/pickups").body();
        assertThat(mine.split("class=\"card pickup-item\"", -1)).hasSize(2);
        var orderPage = session.get(mine.substring(mine.indexOf("/me/pickups/"), mine.indexOf("/me/pickups/") + 48)).body();
        assertThat(orderPage).contains("¥116.00").contains("备注：多放葱").contains("id=\"pickup-pay\"");
        assertThat(session.get(base).body()).contains("id=\"cart-empty\"");
    }
}
