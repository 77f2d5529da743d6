package o2o.delivery;

import static o2o.delivery.DeliveryFixtures.north;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cancelling, returning and refunding by the policy; reassignment; states that never go back; dispatch. */
class DeliveryLifecycleIntegrationTests extends ApiTest {

    DeliveryFixtures delivery;

    @BeforeEach
    void setUp() {
        delivery = new DeliveryFixtures(api, fixtures);
    }

    long refunded(String customer, String id) {
        return delivery.mine(customer, id).path("refundedAmount").path("minor").asLong();
    }

    long total(String customer, String id) {
        return delivery.mine(customer, id).path("totalAmount").path("minor").asLong();
    }

    String path(DeliveryFixtures.Shop shop, String id, String move) {
        return DeliveryFixtures.desk(shop.store()) + "/" + id + "/" + move;
    }

    @Test
    void theCustomerCancelsUntilTheStoreAcceptsAndAPaidOrderComesBackInFull() {
        var shop = delivery.deliveringShop("顾客取消", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);

        var unpaid = delivery.place(customer, shop.store(), delivery.order(shop, north(1000), phone)).text("id");
        var cancelledUnpaid = api.post("/api/v1/me/delivery-orders/" + unpaid + "/cancel", null, customer);
        assertThat(cancelledUnpaid.body().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelledUnpaid.body().path("orderStatus").asString()).isEqualTo("CANCELLED");

        var paid = delivery.paidOrder(shop, customer, phone);
        var cancelled = api.post("/api/v1/me/delivery-orders/" + paid + "/cancel", null, customer);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(refunded(customer, paid)).isEqualTo(total(customer, paid));

        var accepted = delivery.paidOrder(shop, customer, phone);
        delivery.accept(shop, accepted);
        var late = api.post("/api/v1/me/delivery-orders/" + accepted + "/cancel", null, customer);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("type")).isEqualTo("urn:o2o:problem:delivery-status-conflict");
        assertThat(refunded(customer, accepted)).isZero();
    }

    @Test
    void theStoreCancelsBeforeThePickUpOnlyAndRefundsInFull() {
        var shop = delivery.deliveringShop("店家取消", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var owner = shop.merchant().ownerToken();
        var cashier = fixtures.staff(shop.merchant(), Role.CASHIER, Set.of());

        var id = delivery.paidOrder(shop, customer, phone);
        delivery.accept(shop, id);
        assertThat(api.post(path(shop, id, "cancel"), null, cashier).status()).as("a cashier").isEqualTo(403);
        var cancelled = api.post(path(shop, id, "cancel"), null, owner);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(refunded(customer, id)).isEqualTo(total(customer, id));
        assertThat(api.post(path(shop, id, "cancel"), null, owner).status()).isEqualTo(409);

        var onTheWay = delivery.paidOrder(shop, customer, phone);
        delivery.accept(shop, onTheWay);
        var courier = delivery.courierOnShift(shop);
        delivery.courier(courier, onTheWay, "accept", null);
        delivery.courier(courier, onTheWay, "picked-up", null);
        assertThat(api.post(path(shop, onTheWay, "cancel"), null, owner).status()).isEqualTo(409);
        assertThat(refunded(customer, onTheWay)).isZero();
    }

    @Test
    void aReturnedOrderIsRefundedUnlessTheCustomerCouldNotBeReached() {
        var shop = delivery.deliveringShop("退回", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var courier = delivery.courierOnShift(shop);

        var unreachable = onTheWay(shop, customer, phone, courier);
        var trouble = delivery.courier(courier, unreachable, "trouble", Map.of("trouble", "CUSTOMER_UNREACHABLE"));
        assertThat(trouble.status()).as(trouble.raw()).isEqualTo(200);
        assertThat(delivery.courier(courier, unreachable, "returned", null).body().path("status").asString())
                .isEqualTo("RETURNED");
        assertThat(refunded(customer, unreachable)).isZero();
        assertThat(String.join("\n", fixtures.texts(phone))).contains("联系不上你");

        var refused = onTheWay(shop, customer, phone, courier);
        delivery.courier(courier, refused, "trouble", Map.of("trouble", "NOT_HANDED_OVER"));
        delivery.courier(courier, refused, "returned", null);
        assertThat(refunded(customer, refused)).isEqualTo(total(customer, refused));
    }

    String onTheWay(DeliveryFixtures.Shop shop, String customer, String phone, String courier) {
        var id = delivery.paidOrder(shop, customer, phone);
        delivery.accept(shop, id);
        assertThat(delivery.courier(courier, id, "accept", null).status()).isEqualTo(200);
        assertThat(delivery.courier(courier, id, "picked-up", null).status()).isEqualTo(200);
        return id;
    }

    @Test
    void aDeliveredOrderNeverMovesAgainAndWrongCodesStopAfterFive() {
        var shop = delivery.deliveringShop("不回退", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var courier = delivery.courierOnShift(shop);
        var id = onTheWay(shop, customer, phone, courier);
        var code = delivery.mine(customer, id).path("code").asString();
        var wrong = code.equals("0000") ? "1111" : "0000";
        for (int i = 0; i < 5; i++) {
            assertThat(delivery.courier(courier, id, "delivered", Map.of("code", wrong)).status()).isEqualTo(422);
        }
        var limited = delivery.courier(courier, id, "delivered", Map.of("code", code));
        assertThat(limited.status()).as("a sixth try within ten minutes, even the right code").isEqualTo(429);

        var other = onTheWay(shop, customer, phone, courier);
        var otherCode = delivery.mine(customer, other).path("code").asString();
        assertThat(delivery.courier(courier, other, "delivered", Map.of("code", otherCode)).status()).isEqualTo(200);
        assertThat(delivery.courier(courier, other, "picked-up", null).status()).isEqualTo(409);
        assertThat(delivery.courier(courier, other, "accept", null).status()).isEqualTo(409);
        assertThat(delivery.courier(courier, other, "returned", null).status()).isEqualTo(409);
        assertThat(api.post(path(shop, other, "accept"), null, shop.merchant().ownerToken()).status()).isEqualTo(409);
        assertThat(api.post(path(shop, other, "cancel"), null, shop.merchant().ownerToken()).status()).isEqualTo(409);
        assertThat(delivery.courier(courier, other, "delivered", Map.of("code", otherCode)).status()).isEqualTo(409);
        var after = delivery.mine(customer, other);
        assertThat(after.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(after.path("refundedAmount").path("minor").asLong()).isZero();
    }

    @Test
    void aManagerReassignsAnOrderAndTheHistoryKeepsBothCouriers() {
        var shop = delivery.deliveringShop("改派", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var first = delivery.courierOnShift(shop);
        var second = delivery.courierOnShift(shop);
        var secondId = api.get("/api/v1/merchant/me", second).text("id");

        var id = delivery.paidOrder(shop, customer, phone);
        delivery.accept(shop, id);
        assertThat(delivery.courier(first, id, "accept", null).status()).isEqualTo(200);
        var reassigned = api.post(path(shop, id, "assign"), Map.of("courierId", secondId),
                shop.merchant().ownerToken());
        assertThat(reassigned.status()).as(reassigned.raw()).isEqualTo(200);

        var notYours = delivery.courier(first, id, "picked-up", null);
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(notYours.text("type")).isEqualTo("urn:o2o:problem:delivery-not-yours");
        assertThat(delivery.courier(second, id, "picked-up", null).status()).isEqualTo(200);
        JsonNode seen = delivery.mine(customer, id);
        assertThat(seen.path("history").findValuesAsString("what"))
                .anySatisfy(w -> assertThat(w).startsWith("assigned to"))
                .anySatisfy(w -> assertThat(w).startsWith("reassigned from"));
        assertThat(api.post(path(shop, id, "assign"), Map.of("courierId", secondId), shop.merchant().ownerToken())
                .status()).as("picked up: no more reassigning").isEqualTo(409);
    }

    @Test
    void dispatchBatchesNearbyDoorsAndSuggestsTheNearestFreeCourier() {
        var shop = delivery.deliveringShop("调度", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var near = delivery.courierOnShift(shop);
        var far = delivery.courierOnShift(shop);
        api.post("/api/v1/merchant/courier/position", Map.of("lat", north(200)[0], "lng", north(200)[1]), near);
        api.post("/api/v1/merchant/courier/position", Map.of("lat", north(4000)[0], "lng", north(4000)[1]), far);
        var nearId = api.get("/api/v1/merchant/me", near).text("id");

        var a = delivery.paidOrder(shop, customer, phone);
        var b = delivery.paidOrder(shop, customer, phone);
        var placedFar = delivery.place(customer, shop.store(), delivery.order(shop, new double[] {31.2,
                121.4 + 0.05}, phone));
        var c = placedFar.text("id");
        delivery.payBySandbox(customer, c);
        org.awaitility.Awaitility.await().until(() -> delivery.mine(customer, c).path("paidAt").isString());
        for (var id : java.util.List.of(a, b, c)) delivery.accept(shop, id);

        var suggestions = api.get("/api/v1/merchant/stores/" + shop.store() + "/delivery/dispatch",
                shop.merchant().ownerToken());
        assertThat(suggestions.status()).as(suggestions.raw()).isEqualTo(200);
        var first = suggestions.body().get(0);
        assertThat(first.path("orderIds").toString()).contains(a, b).doesNotContain(c);
        assertThat(first.path("courierId").asString()).isEqualTo(nearId);
        assertThat(suggestions.body().get(1).path("orderIds").toString()).contains(c);
    }
}
