package o2o.delivery;

import static o2o.delivery.DeliveryFixtures.north;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Everything at once: one courier per order, one refund per cancelled order, one order per key, one delivery. */
class DeliveryConcurrencyTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    DeliveryFixtures delivery;

    @BeforeEach
    void setUp() {
        delivery = new DeliveryFixtures(api, fixtures);
    }

    long history(String orderId, String what) {
        return jdbc.sql("select count(*) from delivery_event where order_id = :order and what like :what")
                .param("order", UUID.fromString(orderId))
                .param("what", what)
                .query(Long.class).single();
    }

    @Test
    void eightCouriersTakingTheSameOrderAtOnceLeaveItWithExactlyOne() throws Exception {
        var shop = delivery.deliveringShop("抢单", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var id = delivery.paidOrder(shop, customer, phone);
        delivery.accept(shop, id);
        var couriers = new ArrayList<String>();
        for (int i = 0; i < 8; i++) couriers.add(delivery.courierOnShift(shop));

        var tasks = new ArrayList<Callable<Integer>>();
        for (var courier : couriers) tasks.add(() -> delivery.courier(courier, id, "accept", null).status());
        var statuses = Concurrently.atOnce(tasks);

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(history(id, "assigned to%")).isEqualTo(1);
        var winner = couriers.get(statuses.indexOf(200));
        assertThat(api.get("/api/v1/merchant/courier/shift", winner).body().path("carrying").size()).isEqualTo(1);
    }

    @Test
    void theCustomerAndTheStoreCancellingAtOnceRefundTheOrderOnce() throws Exception {
        var shop = delivery.deliveringShop("同时取消", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var id = delivery.paidOrder(shop, customer, phone);
        var owner = shop.merchant().ownerToken();

        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> api.post("/api/v1/me/delivery-orders/" + id + "/cancel", null, customer).status());
            tasks.add(() -> api.post(DeliveryFixtures.desk(shop.store()) + "/" + id + "/cancel", null, owner).status());
        }
        var statuses = Concurrently.atOnce(tasks);

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        var seen = delivery.mine(customer, id);
        assertThat(seen.path("refundedAmount").path("minor").asLong())
                .isEqualTo(seen.path("totalAmount").path("minor").asLong());
        assertThat(history(id, "cancelled%")).isEqualTo(1);
    }

    @Test
    void theSameOrderPlacedSixTimesAtOnceWithOneKeyIsOneOrder() throws Exception {
        var shop = delivery.deliveringShop("同键下单", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var body = delivery.order(shop, north(2000), phone);
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> api.send("POST", "/api/v1/stores/" + shop.store() + "/delivery-orders", body, customer,
                    key).text("id"));
        }
        var ids = Concurrently.atOnce(tasks);
        assertThat(ids).doesNotContainNull().containsOnly(ids.getFirst());
        assertThat(api.get("/api/v1/me/delivery-orders", customer).body().size()).isEqualTo(1);
    }

    @Test
    void handingOverFiveTimesAtOnceDeliversOnceAndCompletesTheOrderOnce() throws Exception {
        var shop = delivery.deliveringShop("同时送达", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var courier = delivery.courierOnShift(shop);
        var id = delivery.paidOrder(shop, customer, phone);
        delivery.accept(shop, id);
        delivery.courier(courier, id, "accept", null);
        delivery.courier(courier, id, "picked-up", null);
        var code = delivery.mine(customer, id).path("code").asString();

        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(() -> delivery.courier(courier, id, "delivered", Map.of("code", code)).status());
        }
        var statuses = Concurrently.atOnce(tasks);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(4);
        assertThat(history(id, "delivered")).isEqualTo(1);
        assertThat(delivery.mine(customer, id).path("orderStatus").asString()).isEqualTo("COMPLETED");
    }
}
