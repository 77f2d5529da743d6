package o2o.pickup;

import static o2o.pickup.PickupFixtures.staffPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.orders.Orders;
import o2o.shared.Money;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Numbers, moves at the counter and redelivered events when everything happens at the same moment. */
class PickupConcurrencyTests extends ApiTest {

    @Autowired
    Orders orders;

    @Autowired
    PickupNumbers numbers;

    @Autowired
    JdbcClient jdbc;

    PickupFixtures pickup;

    @BeforeEach
    void setUp() {
        pickup = new PickupFixtures(api, fixtures);
    }

    record Placed(String customer, UUID orderId) {}

    @Test
    void thirtyOrdersOfOneStorePaidAtOnceGetTheNumbersOneToThirtyEachOnce() throws Exception {
        var shop = pickup.shop("自提高峰", PickupFixtures.allDay());
        var placed = new ArrayList<Placed>();
        for (int c = 0; c < 5; c++) {
            var customer = fixtures.customerToken(Fixtures.uniquePhone());
            for (int i = 0; i < 6; i++) placed.add(new Placed(customer, UUID.fromString(pickup.placed(customer, shop))));
        }

        Concurrently.atOnce(placed.stream().<Callable<Void>>map(p -> () -> {
            orders.markPaid(p.orderId(), Money.cny(5800));
            return null;
        }).toList());

        var numbers = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> placed.stream().map(p -> pickup.pickup(p.customer(), p.orderId().toString())
                        .path("number").asString("")).toList(), list -> list.stream().noneMatch(String::isEmpty));
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 30).mapToObj(n -> String.format("%03d", n)).toList());
        assertThat(lastNumber(shop.store())).isEqualTo(30);
        assertThat(api.get(staffPath(shop.store()), shop.merchant().ownerToken()).body()).hasSize(30);
    }

    @Test
    void theSameOrderPaidDeliveredManyTimesAtOnceGivesOneNumberAndOneText() throws Exception {
        var shop = pickup.shop("自提重投", PickupFixtures.allDay());
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var orderId = UUID.fromString(pickup.placed(customer, shop));
        var customerId = orders.find(orderId).orElseThrow().customerId().value();

        // the order is paid (its OrderPaid goes to the listener) while the same event is delivered again ten times
        var delivered = Concurrently.atOnce(IntStream.range(0, 11).<Callable<Boolean>>mapToObj(i -> () -> {
            if (i == 0) {
                orders.markPaid(orderId, Money.cny(5800));
                return false;
            }
            return numbers.numberPaid(orderId, customerId, clock.instant());
        }).toList());

        assertThat(delivered.stream().filter(b -> b).count()).isLessThanOrEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> pickup.pickup(customer, orderId.toString()).path("number").asString(""), "001"::equals);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> lastNumber(shop.store()) == 1);
        assertThat(numbers.numberPaid(orderId, customerId, clock.instant())).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                fixtures.texts(phone).stream().anyMatch(t -> t.contains("取餐号 001")));
        assertThat(fixtures.texts(phone).stream().filter(t -> t.contains("取餐号")).count()).isEqualTo(1);
    }

    @Test
    void readyAndHandedOverTappedManyTimesAtOnceMoveOnceAndCompleteTheOrderOnce() throws Exception {
        var shop = pickup.shop("自提连点", PickupFixtures.allDay());
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var orderId = pickup.placed(customer, shop);
        pickup.payBySandbox(customer, orderId);
        pickup.awaitStatus(customer, orderId, "PAID");
        var owner = shop.merchant().ownerToken();
        var path = staffPath(shop.store()) + "/" + orderId;

        var ready = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i -> () ->
                api.post(path + "/ready", null, owner)).toList());
        assertThat(ready.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
        assertThat(ready).allMatch(r -> r.status() == 200 || r.status() == 409);

        var handed = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i -> () ->
                api.post(path + "/handed-over", null, owner)).toList());
        assertThat(handed.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
        assertThat(handed).allMatch(r -> r.status() == 200 || r.status() == 409);

        var after = pickup.pickup(customer, orderId);
        assertThat(after.path("status").asString()).isEqualTo("HANDED_OVER");
        assertThat(after.path("orderStatus").asString()).isEqualTo("COMPLETED");
        assertThat(transitionsTo(orderId, "COMPLETED")).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                fixtures.texts(phone).stream().anyMatch(t -> t.contains("号餐已备好")));
        assertThat(fixtures.texts(phone).stream().filter(t -> t.contains("号餐已备好")).count()).isEqualTo(1);
    }

    @Test
    void refundAndHandOverTappedAtOnceLeaveExactlyOneOfThem() throws Exception {
        var shop = pickup.shop("自提抢退", PickupFixtures.allDay());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = pickup.placed(customer, shop);
        pickup.payBySandbox(customer, orderId);
        pickup.awaitStatus(customer, orderId, "PAID");
        var owner = shop.merchant().ownerToken();
        var path = staffPath(shop.store()) + "/" + orderId;

        var taps = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i -> () ->
                api.post(path + (i % 2 == 0 ? "/handed-over" : "/refund"), null, owner)).toList());

        assertThat(taps.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
        assertThat(taps).allMatch(r -> r.status() == 200 || r.status() == 409);
        var after = pickup.pickup(customer, orderId);
        var refunds = jdbc.sql("select count(*) from order_refund where order_id = :id")
                .param("id", UUID.fromString(orderId)).query(Long.class).single();
        if (after.path("status").asString().equals("HANDED_OVER")) {
            assertThat(after.path("orderStatus").asString()).isEqualTo("COMPLETED");
            assertThat(transitionsTo(orderId, "COMPLETED")).isEqualTo(1);
            assertThat(refunds).isZero();
        } else {
            assertThat(after.path("status").asString()).isEqualTo("REFUNDED");
            assertThat(after.path("orderStatus").asString()).isEqualTo("REFUNDED");
            assertThat(after.path("refundedAmount").path("minor").asLong()).isEqualTo(5800);
            assertThat(transitionsTo(orderId, "COMPLETED")).isZero();
            assertThat(refunds).isEqualTo(1);
        }
    }

    @Test
    void oneIdempotencyKeySentManyTimesAtOncePlacesOneOrder() throws Exception {
        var shop = pickup.shop("自提并发下单", PickupFixtures.allDay());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var key = UUID.randomUUID().toString();

        var responses = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i -> () ->
                pickup.place(customer, shop.store(), pickup.simpleOrder(shop), key)).toList());

        assertThat(responses).allMatch(r -> r.status() == 201);
        assertThat(responses.stream().map(r -> r.text("id")).distinct().count()).isEqualTo(1);
        assertThat(api.get("/api/v1/me/pickup-orders", customer).body().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/me/orders", customer).body().size()).isEqualTo(1);
    }

    private long transitionsTo(String orderId, String status) {
        return jdbc.sql("select count(*) from order_transition where order_id = :id and to_status = :status")
                .param("id", UUID.fromString(orderId)).param("status", status).query(Long.class).single();
    }

    private int lastNumber(UUID store) {
        return jdbc.sql("select coalesce(max(last), 0) from pickup_number where store_id = :store")
                .param("store", store).query(Integer.class).single();
    }
}
