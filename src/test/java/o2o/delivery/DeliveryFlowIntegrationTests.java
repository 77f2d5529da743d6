package o2o.delivery;

import static o2o.delivery.DeliveryFixtures.north;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One delivery order from the quote to the door: priced, paid, accepted, taken, picked up, delivered with the code. */
class DeliveryFlowIntegrationTests extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    DeliveryFixtures delivery;

    @BeforeEach
    void setUp() {
        delivery = new DeliveryFixtures(api, fixtures);
    }

    @Test
    void anOrderGoesFromQuoteToTheDoorAndTheCustomerIsTextedAtEachStep() {
        var shop = delivery.deliveringShop("外卖全程", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);

        var quote = delivery.quote(shop.store(), north(4500), 9600);
        assertThat(quote.status()).as(quote.raw()).isEqualTo(200);
        assertThat(quote.body().path("fee").path("minor").asLong()).isEqualTo(500 + 2 * 100);
        assertThat(quote.body().path("meetsMinimum").asBoolean()).isTrue();

        var placed = delivery.place(customer, shop.store(), delivery.order(shop, north(4500), phone));
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        var body = placed.body();
        assertThat(body.path("status").asString()).isEqualTo("CREATED");
        assertThat(body.path("feeAmount").path("minor").asLong()).isEqualTo(700);
        assertThat(body.path("subtotalAmount").path("minor").asLong()).isEqualTo(9600);
        assertThat(body.path("totalAmount").path("minor").asLong()).isEqualTo(10300);
        assertThat(body.path("code").asString()).matches("[0-9]{4}");
        var id = body.path("id").asString();
        var code = body.path("code").asString();

        delivery.payBySandbox(customer, id);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> delivery.mine(customer, id).path("paidAt").isString());

        var accepted = delivery.accept(shop, id);
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("code").isNull()).as("the store never sees the code").isTrue();

        var courier = delivery.courierOnShift(shop);
        var offers = api.get("/api/v1/merchant/courier/shift", courier);
        assertThat(offers.body().path("offers").toString()).contains(id);

        assertThat(delivery.courier(courier, id, "accept", null).status()).isEqualTo(200);
        assertThat(delivery.courier(courier, id, "picked-up", null).status()).isEqualTo(200);
        var wrong = delivery.courier(courier, id, "delivered", Map.of("code", code.equals("0000") ? "1111" : "0000"));
        assertThat(wrong.status()).as(wrong.raw()).isEqualTo(422);
        var done = delivery.courier(courier, id, "delivered", Map.of("code", code));
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        assertThat(done.body().path("status").asString()).isEqualTo("DELIVERED");

        var seen = delivery.mine(customer, id);
        assertThat(seen.path("orderStatus").asString()).isEqualTo("COMPLETED");
        assertThat(seen.path("history").findValuesAsString("what"))
                .contains("placed", "paid", "accepted", "picked up", "delivered");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> fixtures.texts(phone).size() >= 4);
        assertThat(String.join("\n", fixtures.texts(phone))).contains("已接单", "骑手已取餐", code, "已送达");
    }
    /** Publications recorded for the delivery module's listener of paid orders that name this order. */
    long deliveryListenings(String orderId) {
        return jdbc.sql("""
                        select (select count(*) from event_publication
                                 where listener_id like '%DeliveryReactions%' and serialized_event like :order)
                             + (select count(*) from event_publication_archive
                                 where listener_id like '%DeliveryReactions%' and serialized_event like :order)
                        """)
                .param("order", "%" + orderId + "%")
                .query(Long.class).single();
    }

    @Test
    void anOrderOfAnotherChannelCostsTheDeliveryListenersNoPublication() {
        var shop = delivery.deliveringShop("外卖监听", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var pickup = api.send("POST", "/api/v1/stores/" + shop.store() + "/pickup-orders",
                Map.of("lines", java.util.List.of(DeliveryFixtures.line(shop.pork(), 1)), "pickupTime", "", "note", ""),
                customer, Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(pickup.status()).as(pickup.raw()).isEqualTo(201);
        var pickupId = pickup.text("id");
        var payment = api.post("/api/v1/me/pickup-orders/" + pickupId + "/payments", Map.of("provider", "sandbox"),
                customer);
        var session = new o2o.testing.WebSession(port);
        session.get(payment.text("redirectUrl"));
        assertThat(session.post(payment.text("redirectUrl") + "/confirm", Map.of()).status()).isEqualTo(302);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> api.get(
                "/api/v1/me/pickup-orders/" + pickupId, customer).body().path("status").asString().equals("PAID"));

        var deliveryId = delivery.paidOrder(shop, customer, phone);

        assertThat(deliveryListenings(deliveryId)).as("the delivery order's payment").isEqualTo(1);
        assertThat(deliveryListenings(pickupId)).as("the pick-up order's payment").isZero();
    }
}
