package o2o.reservations;

import static o2o.reservations.ReservationFixtures.booking;
import static o2o.reservations.ReservationFixtures.settings;
import static o2o.reservations.ReservationFixtures.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bookings, cancellations and re-bookings racing for the same slot never overbook it nor move a deposit twice. */
class ReservationConcurrencyTests extends ApiTest {

    private ReservationFixtures reservations;

    @BeforeEach
    void setUp() {
        reservations = new ReservationFixtures(api, fixtures, clock);
    }

    @Test
    void fiftyConcurrentBookingsForTenTablesConfirmExactlyTenAndTurnTheRestAwayAsFull() throws Exception {
        var merchant = fixtures.approvedMerchant("订座小馆");
        var store = reservations.store(merchant, "订座小馆店");
        reservations.configure(merchant, store, settings(List.of("18:00"), List.of(type("小桌", 1, 2, 10)), 0, false, 24));
        var date = reservations.tomorrow();
        var customers = IntStream.range(0, 5).mapToObj(i -> fixtures.customerToken(Fixtures.uniquePhone())).toList();

        var results = Concurrently.atOnce(IntStream.range(0, 50).<Callable<Api.Response>>mapToObj(i ->
                () -> reservations.book(customers.get(i % 5), booking(store, date, "18:00", 2))).toList());

        var created = results.stream().filter(r -> r.status() == 201).toList();
        var refused = results.stream().filter(r -> r.status() != 201).toList();
        assertThat(created).hasSize(10);
        assertThat(created).allSatisfy(r -> assertThat(r.text("status")).isEqualTo("CONFIRMED"));
        assertThat(refused).hasSize(40).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("type")).isEqualTo("urn:o2o:problem:slot-full");
        });
        var slot = reservations.slotType(store, date, "18:00", "小桌");
        assertThat(slot.path("booked").asInt()).isEqualTo(10);
        assertThat(slot.path("left").asInt()).isZero();
        var day = api.get("/api/v1/merchant/stores/" + store + "/reservations?date=" + date, merchant.ownerToken());
        assertThat(day.body()).hasSize(10);
        long mine = customers.stream().mapToLong(c -> api.get("/api/v1/me/reservations", c).body().size()).sum();
        assertThat(mine).isEqualTo(10);
    }

    @Test
    void cancellingAndBookingAtOnceKeepsTheCounterEqualToTheBookingsThatHoldTheSlot() throws Exception {
        var merchant = fixtures.approvedMerchant("订座小馆");
        var store = reservations.store(merchant, "订座小馆店");
        reservations.configure(merchant, store, settings(List.of("18:00"), List.of(type("小桌", 1, 2, 10)), 0, false, 24));
        var date = reservations.tomorrow();
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var first = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            var booked = reservations.book(customer, booking(store, date, "18:00", 2));
            assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
            first.add(booked.text("id"));
        }
        assertThat(reservations.book(customer, booking(store, date, "18:00", 2)).status()).isEqualTo(409);

        var tasks = new ArrayList<Callable<Api.Response>>();
        for (var id : first.subList(0, 5)) tasks.add(() -> api.post("/api/v1/me/reservations/" + id + "/cancel", null, customer));
        for (int i = 0; i < 15; i++) tasks.add(() -> reservations.book(customer, booking(store, date, "18:00", 2)));
        var results = Concurrently.atOnce(tasks);

        assertThat(results.subList(0, 5)).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.text("status")).isEqualTo("CANCELLED");
        });
        var rebooked = results.subList(5, 20).stream().filter(r -> r.status() == 201).count();
        assertThat(results.subList(5, 20)).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(rebooked).isBetween(0L, 5L);
        var holding = 0;
        for (var b : api.get("/api/v1/me/reservations", customer).body()) {
            if (b.path("status").asString().equals("CONFIRMED")) holding++;
        }
        assertThat(holding).isEqualTo(5 + (int) rebooked);
        assertThat(reservations.booked(store, date, "18:00", "小桌")).isEqualTo(holding);

        // what is left is exactly what can still be booked
        int more = 0;
        while (reservations.book(customer, booking(store, date, "18:00", 2)).status() == 201) more++;
        assertThat(holding + more).isEqualTo(10);
        assertThat(reservations.booked(store, date, "18:00", "小桌")).isEqualTo(10);
    }

    @Test
    void theSameBookingCancelledFiveTimesAtOnceRefundsTheDepositOnceAndFreesItsTableOnce() throws Exception {
        var merchant = fixtures.approvedMerchant("订座小馆");
        var store = reservations.store(merchant, "订座小馆店");
        reservations.configure(merchant, store,
                settings(List.of("18:00"), List.of(type("小桌", 1, 2, 1), type("中桌", 3, 4, 1)), 5000, false, 2));
        var date = reservations.tomorrow();
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var other = fixtures.customerToken(Fixtures.uniquePhone());
        reservations.book(other, booking(store, date, "18:00", 4));
        var booked = reservations.book(customer, booking(store, date, "18:00", 2));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        var id = booked.text("id");
        reservations.payDeposit(customer, booked.body());

        var results = Concurrently.atOnce(IntStream.range(0, 5).<Callable<Api.Response>>mapToObj(i ->
                () -> api.post("/api/v1/me/reservations/" + id + "/cancel", null, customer)).toList());

        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.text("status")).isEqualTo("CANCELLED");
            assertThat(r.text("depositOutcome")).isEqualTo("REFUNDED");
        });
        var order = reservations.order(customer, booked.text("orderId"));
        assertThat(order.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.path("refundedAmount").path("minor").asLong()).isEqualTo(5000);
        assertThat(reservations.booked(store, date, "18:00", "小桌")).isZero();
        assertThat(reservations.booked(store, date, "18:00", "中桌")).as("another type's table untouched").isEqualTo(1);
        assertThat(reservations.book(other, booking(store, date, "18:00", 1)).status()).isEqualTo(201);
        assertThat(reservations.book(other, booking(store, date, "18:00", 1)).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/me/reservations/" + id + "/cancel", null, customer).text("status"))
                .isEqualTo("CANCELLED");
        assertThat(reservations.booked(store, date, "18:00", "小桌")).isEqualTo(1);
    }
}
