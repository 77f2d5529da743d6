package o2o.reservations;

import static o2o.reservations.ReservationFixtures.booking;
import static o2o.reservations.ReservationFixtures.settings;
import static o2o.reservations.ReservationFixtures.settingsPath;
import static o2o.reservations.ReservationFixtures.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Booking rules, deposits, the cancellation policy, reminders, check-in and no-shows, through the HTTP API. */
class ReservationIntegrationTests extends ApiTest {

    private static final List<Map<String, Object>> TYPES = List.of(type("小桌", 1, 2, 2), type("中桌", 3, 4, 2),
            type("大桌", 5, 8, 1));

    @Autowired
    Reservations bookings;

    private ReservationFixtures reservations;
    private MerchantFixture merchant;
    private UUID store;
    private LocalDate tomorrow;

    @BeforeEach
    void aRestaurantThatTakesBookings() {
        reservations = new ReservationFixtures(api, fixtures, clock);
        merchant = fixtures.approvedMerchant("订座酒家");
        store = reservations.store(merchant, "订座酒家店");
        tomorrow = reservations.tomorrow();
    }

    private void configure(long depositMinor, boolean perPerson, int freeCancelHours) {
        reservations.configure(merchant, store, settings(List.of("12:00", "18:00"), TYPES, depositMinor, perPerson,
                freeCancelHours));
    }

    private void assertProblem(Api.Response response, int status, String slug) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:o2o:problem:" + slug);
    }

    private void advanceTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    @Test
    void theSlotsShowWhatIsLeftOfTheTypeAPartyBooks() {
        configure(0, false, 24);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        assertThat(reservations.book(customer, booking(store, tomorrow, "18:00", 4)).status()).isEqualTo(201);

        var day = api.get("/api/v1/stores/" + store + "/reservation-slots?date=" + tomorrow + "&partySize=3");
        assertThat(day.status()).as(day.raw()).isEqualTo(200);
        assertThat(day.text("tableType")).isEqualTo("中桌");
        assertThat(day.body().path("slots")).hasSize(2);
        var evening = day.body().path("slots").get(1);
        assertThat(evening.path("time").asString()).startsWith("18:00");
        assertThat(evening.path("bookable").asBoolean()).isTrue();
        assertThat(evening.path("left").asInt()).isEqualTo(1);
        assertThat(day.body().path("slots").get(0).path("left").asInt()).isEqualTo(2);
        assertThat(api.get("/stores/" + store + "/reservation-link").raw()).contains("/stores/" + store + "/reserve");
        var elsewhere = fixtures.store(merchant, Fixtures.unique("不订座店"), 31.2, 121.4, "本帮菜");
        assertThat(api.get("/stores/" + elsewhere + "/reservation-link").raw()).doesNotContain("reserve");
        var farDay = api.get("/stores/" + store + "/reserve?date=" + tomorrow.plusDays(40));
        assertThat(farDay.status()).isEqualTo(200);
        assertThat(farDay.raw()).contains("预订日期超出了可预订的范围").doesNotContain("reserve-form");
        var noFit = api.get("/api/v1/stores/" + store + "/reservation-slots?date=" + tomorrow + "&partySize=9");
        assertThat(noFit.body().path("tableType").isNull()).isTrue();
        assertThat(noFit.body().path("slots").get(0).path("left").asInt()).isZero();
    }

    @Test
    void everyBookingRuleSaysNoWithAProblemAndTakesNothing() {
        var hours = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) hours.put(day, day == tomorrow.getDayOfWeek() ? List.of() : List.of("18:00"));
        var body = new HashMap<>(settings(List.of(), TYPES, 0, false, 24));
        body.put("slots", hours);
        body.put("daysAhead", 7);
        reservations.configure(merchant, store, body);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var open = tomorrow.plusDays(1);

        assertProblem(reservations.book(customer, booking(store, tomorrow.minusDays(2), "18:00", 2)), 422,
                "reservation-in-past");
        assertProblem(reservations.book(customer, booking(store, tomorrow.plusDays(7), "18:00", 2)), 422,
                "reservation-too-far-ahead");
        assertProblem(reservations.book(customer, booking(store, tomorrow, "18:00", 2)), 422,
                "reservation-day-closed");
        assertProblem(reservations.book(customer, booking(store, open, "18:15", 2)), 422,
                "reservation-no-such-slot");
        var tooMany = reservations.book(customer, booking(store, open, "18:00", 9));
        assertProblem(tooMany, 422, "reservation-party-size");
        assertThat(tooMany.text("detail")).contains("8");

        var startsAt = Instant.parse(api.get("/api/v1/stores/" + store + "/reservation-slots?date=" + open).body()
                .path("slots").get(0).path("startsAt").asString());
        advanceTo(startsAt.minus(Duration.ofMinutes(30)));
        assertProblem(reservations.book(customer, booking(store, open, "18:00", 2)), 422, "reservation-past-cutoff");
        advanceTo(startsAt.plus(Duration.ofMinutes(5)));
        assertProblem(reservations.book(customer, booking(store, open, "18:00", 2)), 422, "reservation-in-past");
        clock.reset();

        assertThat(api.get("/api/v1/me/reservations", customer).body()).isEmpty();
        assertThat(reservations.booked(store, open, "18:00", "小桌")).isZero();

        // a store whose opening hours leave out the day takes no bookings then either
        var mondaysOnly = fixtures.store(merchant, Fixtures.unique("周一店"), 31.2, 121.4, "本帮菜");
        reservations.configure(merchant, mondaysOnly, settings(List.of("18:00"), TYPES, 0, false, 24));
        var notMonday = tomorrow.getDayOfWeek() == DayOfWeek.MONDAY ? tomorrow.plusDays(1) : tomorrow;
        assertProblem(reservations.book(customer, booking(mondaysOnly, notMonday, "18:00", 2)), 422,
                "reservation-day-closed");
    }

    @Test
    void badInputIsRefusedAsAProblemAndChangesNothing() {
        configure(0, false, 24);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var noKey = api.post("/api/v1/reservations", booking(store, tomorrow, "18:00", 2), customer);
        assertThat(noKey.status()).as(noKey.raw()).isEqualTo(400);
        assertThat(noKey.contentType()).startsWith("application/problem+json");

        for (var bad : List.<Map<String, Object>>of(
                Map.of("storeId", store, "date", "2026-13-01", "time", "18:00", "partySize", 2, "name", "王"),
                Map.of("storeId", store, "date", tomorrow.toString(), "time", "25:00", "partySize", 2, "name", "王"),
                Map.of("storeId", store, "date", tomorrow.toString(), "time", "18:00", "partySize", 0, "name", "王"),
                Map.of("storeId", store, "date", tomorrow.toString(), "time", "18:00", "partySize", 2, "name", " "),
                Map.of("storeId", store, "date", tomorrow.toString(), "time", "18:00", "partySize", 2, "name", "王",
                        "phone", "12345"),
                Map.of("date", tomorrow.toString(), "time", "18:00", "partySize", 2, "name", "王"))) {
            assertProblem(reservations.book(customer, bad), 400, "invalid-input");
        }
        var garbled = api.send("POST", "/api/v1/reservations", "{\"storeId\": 12", customer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(garbled.status()).isEqualTo(400);
        assertProblem(reservations.book(customer, booking(UUID.randomUUID(), tomorrow, "18:00", 2)), 404, "not-found");
        var noBookings = fixtures.store(merchant, Fixtures.unique("不订座店"), 31.2, 121.4, "本帮菜");
        assertProblem(reservations.book(customer, booking(noBookings, tomorrow, "18:00", 2)), 404,
                "reservations-not-offered");
        assertProblem(api.get("/api/v1/stores/" + store + "/reservation-slots?date=tomorrow"), 400, "invalid-input");
        var staffToken = fixtures.staff(merchant, Role.WAITER, Set.of(store));
        assertThat(reservations.book(staffToken, booking(store, tomorrow, "18:00", 2)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me/reservations", customer).body()).isEmpty();
        assertThat(reservations.booked(store, tomorrow, "18:00", "小桌")).isZero();

        var before = api.get(settingsPath(store), merchant.ownerToken()).raw();
        for (var bad : List.of(
                Map.of("tableTypes", List.of(type("小桌", 3, 2, 1))),
                Map.of("tableTypes", List.of(type("小桌", 1, 2, 1), type("小桌", 3, 4, 1))),
                Map.of("slots", Map.of("MONDAY", List.of("18:00", "18:00"))),
                Map.of("slots", Map.of("MONDAY", List.of("6pm"))),
                Map.of("depositMinor", -1),
                Map.of("daysAhead", 400))) {
            var body = new HashMap<>(settings(List.of("18:00"), TYPES, 0, false, 24));
            body.putAll(bad);
            assertProblem(api.put(settingsPath(store), body, merchant.ownerToken()), 400, "invalid-input");
        }
        assertThat(api.put(settingsPath(store), settings(List.of("18:00"), TYPES, 0, false, 24), staffToken).status())
                .isEqualTo(403);
        assertThat(api.get(settingsPath(store), merchant.ownerToken()).raw()).isEqualTo(before);
    }

    @Test
    void withoutADepositABookingIsConfirmedAtOnceAndTheCustomerIsTexted() {
        configure(0, false, 24);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 3));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        assertThat(booked.text("status")).isEqualTo("CONFIRMED");
        assertThat(booked.text("tableType")).isEqualTo("中桌");
        assertThat(booked.body().path("orderId").isNull()).isTrue();
        assertThat(booked.text("phone")).isEqualTo(phone);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> reservations.messagesTo(phone, "订座成功") == 1);
    }

    @Test
    void aDepositIsPaidAsAReservationOrderAndThePaymentConfirmsTheBooking() {
        configure(2000, true, 24);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 3));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        assertThat(booked.text("status")).isEqualTo("PENDING_DEPOSIT");
        assertThat(booked.body().path("deposit").path("minor").asLong()).isEqualTo(6000);
        var order = reservations.order(customer, booked.text("orderId"));
        assertThat(order.path("channel").asString()).isEqualTo("RESERVATION");
        assertThat(order.path("totalAmount").path("minor").asLong()).isEqualTo(6000);
        assertThat(order.path("lines").get(0).path("kind").asString()).isEqualTo("DEPOSIT");
        assertThat(order.path("lines").get(0).path("refId").asString()).isEqualTo(booked.text("id"));
        assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(reservations.messagesTo(phone, "订座成功")).isZero();

        var confirmed = reservations.payDeposit(customer, booked.body());
        assertThat(confirmed.path("confirmedAt").isNull()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> reservations.messagesTo(phone, "订座成功") == 1);
        assertThat(reservations.booked(store, tomorrow, "18:00", "中桌")).isEqualTo(1);
    }

    @Test
    void aDepositLeftUnpaidExpiresTheBookingAndGivesItsTableBackOnce() {
        reservations.configure(merchant, store, settings(List.of("18:00"), List.of(type("包间", 1, 12, 1)), 10000,
                false, 24));
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var other = fixtures.customerToken(Fixtures.uniquePhone());
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 6));
        assertThat(booked.text("status")).isEqualTo("PENDING_DEPOSIT");
        assertProblem(reservations.book(other, booking(store, tomorrow, "18:00", 2)), 409, "slot-full");

        clock.advance(Duration.ofMinutes(16));
        reservations.awaitStatus(customer, booked.text("id"), "EXPIRED");
        assertThat(reservations.order(customer, booked.text("orderId")).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(reservations.booked(store, tomorrow, "18:00", "包间")).isZero();
        bookings.depositNotPaid(UUID.fromString(booked.text("orderId")));
        assertThat(reservations.booked(store, tomorrow, "18:00", "包间")).as("given back once").isZero();
        var rebooked = reservations.book(other, booking(store, tomorrow, "18:00", 2));
        assertThat(rebooked.status()).as(rebooked.raw()).isEqualTo(201);
        assertThat(reservations.booked(store, tomorrow, "18:00", "包间")).isEqualTo(1);
        assertProblem(api.post("/api/v1/me/reservations/" + booked.text("id") + "/cancel", null, customer), 409,
                "reservation-not-cancellable");
    }

    @Test
    void cancellingWithinTheFreePeriodRefundsTheWholeDeposit() {
        configure(5000, false, 2);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 2));
        reservations.payDeposit(customer, booked.body());

        var cancelled = api.post("/api/v1/me/reservations/" + booked.text("id") + "/cancel", null, customer);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancelledBy")).isEqualTo("customer");
        assertThat(cancelled.text("depositOutcome")).isEqualTo("REFUNDED");
        var order = reservations.order(customer, booked.text("orderId"));
        assertThat(order.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.path("refundedAmount").path("minor").asLong()).isEqualTo(5000);
        assertThat(reservations.booked(store, tomorrow, "18:00", "小桌")).isZero();
    }

    @Test
    void cancellingAfterTheFreePeriodForfeitsTheDepositAndCancellingAgainChangesNothing() {
        configure(5000, false, 48);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 2));
        reservations.payDeposit(customer, booked.body());

        var cancelled = api.post("/api/v1/me/reservations/" + booked.text("id") + "/cancel", null, customer);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("depositOutcome")).isEqualTo("FORFEITED");
        var order = reservations.order(customer, booked.text("orderId"));
        assertThat(order.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(order.path("refundedAmount").path("minor").asLong()).isZero();
        assertThat(reservations.booked(store, tomorrow, "18:00", "小桌")).isZero();

        var again = api.post("/api/v1/me/reservations/" + booked.text("id") + "/cancel", null, customer);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(cancelled.body());
        assertThat(reservations.order(customer, booked.text("orderId"))).isEqualTo(order);
        assertThat(reservations.booked(store, tomorrow, "18:00", "小桌")).isZero();
    }

    @Test
    void theStoreCancellingRefundsTheDepositInFullEvenAfterTheFreePeriod() {
        configure(5000, false, 48);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 2));
        reservations.payDeposit(customer, booked.body());
        var waiter = fixtures.staff(merchant, Role.WAITER, Set.of(store));

        var cancelled = api.post("/api/v1/merchant/stores/" + store + "/reservations/" + booked.text("id") + "/cancel",
                null, waiter);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("cancelledBy")).isEqualTo("staff");
        assertThat(cancelled.text("depositOutcome")).isEqualTo("REFUNDED");
        assertThat(reservations.order(customer, booked.text("orderId")).path("refundedAmount").path("minor").asLong())
                .isEqualTo(5000);
    }

    @Test
    void cancellingWhileTheDepositIsUnpaidCancelsItsOrderAndFreesTheTable() {
        configure(5000, false, 24);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 2));
        var cancelled = api.post("/api/v1/me/reservations/" + booked.text("id") + "/cancel", null, customer);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("depositOutcome").isNull()).isTrue();
        assertThat(reservations.order(customer, booked.text("orderId")).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(reservations.booked(store, tomorrow, "18:00", "小桌")).isZero();
        assertThat(reservations.mine(customer, booked.text("id")).path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void theReminderGoesOutOnceAtItsLeadTimeEvenWhenTwoNodesLookAtOnce() throws Exception {
        configure(0, false, 24);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 2));
        var startsAt = Instant.parse(booked.text("startsAt"));
        bookings.sendDueReminders(200);
        assertThat(reservations.messagesTo(phone, "温馨提醒")).isZero();

        advanceTo(startsAt.minus(Duration.ofMinutes(100)));
        Concurrently.atOnce(List.<Callable<Integer>>of(() -> bookings.sendDueReminders(200),
                () -> bookings.sendDueReminders(200)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reservations.messagesTo(phone, "温馨提醒") == 1);
        bookings.sendDueReminders(200);
        advanceTo(startsAt.minus(Duration.ofMinutes(10)));
        bookings.sendDueReminders(200);
        Thread.sleep(500);
        assertThat(reservations.messagesTo(phone, "温馨提醒")).isEqualTo(1);
        assertThat(reservations.mine(customer, booked.text("id")).path("status").asString()).isEqualTo("CONFIRMED");
    }

    private UUID table(String label) {
        var created = api.post("/api/v1/merchant/stores/" + store + "/tables", Map.of("label", label, "seats", 4),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private JsonNode tableStatus(UUID table) {
        for (var t : api.get("/api/v1/merchant/stores/" + store + "/tables/status", merchant.ownerToken()).body()) {
            if (t.path("tableId").asString().equals(table.toString())) return t;
        }
        throw new AssertionError("no table " + table);
    }

    private String checkInPath(String id) {
        return "/api/v1/merchant/stores/" + store + "/reservations/" + id + "/check-in";
    }

    @Test
    void checkingInSeatsThePartyAtTheTableAndGivesTheDepositBack() {
        configure(5000, false, 24);
        var a1 = table("A1");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 2));
        var other = reservations.book(customer, booking(store, tomorrow, "18:00", 3));
        var waiter = fixtures.staff(merchant, Role.WAITER, Set.of(store));
        assertProblem(api.post(checkInPath(booked.text("id")), Map.of("tableId", a1), waiter), 409,
                "reservation-not-confirmed");
        reservations.payDeposit(customer, booked.body());
        reservations.payDeposit(customer, other.body());
        assertProblem(api.post(checkInPath(booked.text("id")), Map.of("tableId", a1), waiter), 409,
                "reservation-not-today");
        advanceTo(Instant.parse(booked.text("startsAt")).minus(Duration.ofMinutes(20)));

        var seated = api.post(checkInPath(booked.text("id")), Map.of("tableId", a1), waiter);
        assertThat(seated.status()).as(seated.raw()).isEqualTo(200);
        assertThat(seated.text("status")).isEqualTo("SEATED");
        assertThat(seated.text("tableId")).isEqualTo(a1.toString());
        assertThat(seated.text("depositOutcome")).isEqualTo("REFUNDED");
        var table = tableStatus(a1);
        assertThat(table.path("occupied").asBoolean()).isTrue();
        assertThat(table.path("sessionId").asString()).isEqualTo(seated.text("sessionId"));
        assertThat(table.path("partySize").asInt()).isEqualTo(2);
        var order = reservations.order(customer, booked.text("orderId"));
        assertThat(order.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.path("refundedAmount").path("minor").asLong()).isEqualTo(5000);

        assertProblem(api.post(checkInPath(other.text("id")), Map.of("tableId", a1), waiter), 409, "table-occupied");
        assertThat(reservations.mine(customer, other.text("id")).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(reservations.order(customer, other.text("orderId")).path("status").asString()).isEqualTo("PAID");
        assertProblem(api.post(checkInPath(booked.text("id")), Map.of("tableId", table("A2")), waiter), 409,
                "reservation-not-confirmed");
        assertProblem(api.post(checkInPath(other.text("id")), Map.of("tableId", UUID.randomUUID()), waiter), 404,
                "not-found");
        assertProblem(api.post(checkInPath(other.text("id")), Map.of(), waiter), 400, "invalid-input");
        var kitchen = fixtures.staff(merchant, Role.KITCHEN, Set.of(store));
        assertThat(api.post(checkInPath(other.text("id")), Map.of("tableId", table("A3")), kitchen).status())
                .isEqualTo(403);
        assertThat(reservations.mine(customer, other.text("id")).path("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void aNoShowIsMarkedOnlyAfterTheGraceTimeAndForfeitsTheDeposit() {
        configure(5000, false, 2);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var booked = reservations.book(customer, booking(store, tomorrow, "18:00", 2));
        reservations.payDeposit(customer, booked.body());
        var noShow = "/api/v1/merchant/stores/" + store + "/reservations/" + booked.text("id") + "/no-show";
        assertProblem(api.post(noShow, null, merchant.ownerToken()), 409, "reservation-too-early");

        var startsAt = Instant.parse(booked.text("startsAt"));
        advanceTo(startsAt.plus(Duration.ofMinutes(10)));
        assertProblem(api.post(noShow, null, merchant.ownerToken()), 409, "reservation-too-early");
        advanceTo(startsAt.plus(Duration.ofMinutes(16)));
        var marked = api.post(noShow, null, merchant.ownerToken());
        assertThat(marked.status()).as(marked.raw()).isEqualTo(200);
        assertThat(marked.text("status")).isEqualTo("NO_SHOW");
        assertThat(marked.text("depositOutcome")).isEqualTo("FORFEITED");
        var order = reservations.order(customer, booked.text("orderId"));
        assertThat(order.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(order.path("refundedAmount").path("minor").asLong()).isZero();
        assertProblem(api.post(noShow, null, merchant.ownerToken()), 409, "reservation-not-confirmed");
        assertProblem(api.post("/api/v1/me/reservations/" + booked.text("id") + "/cancel", null, customer), 409,
                "reservation-not-cancellable");
    }

    @Test
    void theSameBookingSentTwiceWithOneIdempotencyKeyBooksOnceWithOneDepositOrder() {
        configure(5000, false, 24);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var key = UUID.randomUUID().toString();
        var first = reservations.book(customer, booking(store, tomorrow, "18:00", 2), key);
        var second = reservations.book(customer, booking(store, tomorrow, "18:00", 2), key);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(second.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(api.get("/api/v1/me/reservations", customer).body()).hasSize(1);
        long deposits = 0;
        for (var order : api.get("/api/v1/me/orders", customer).body()) {
            if (order.path("channel").asString().equals("RESERVATION")) deposits++;
        }
        assertThat(deposits).isEqualTo(1);
        assertThat(reservations.booked(store, tomorrow, "18:00", "小桌")).isEqualTo(1);
    }

    @Test
    void theDayListShowsTheStoresBookingsBySlotToItsFloorStaff() {
        configure(0, false, 24);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        reservations.book(customer, booking(store, tomorrow, "18:00", 2));
        reservations.book(customer, booking(store, tomorrow, "12:00", 4));
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        var day = api.get("/api/v1/merchant/stores/" + store + "/reservations?date=" + tomorrow, cashier);
        assertThat(day.status()).as(day.raw()).isEqualTo(200);
        assertThat(day.body()).hasSize(2);
        assertThat(day.body().get(0).path("time").asString()).startsWith("12:00");
        assertThat(day.body().get(1).path("name").asString()).isEqualTo("王先生");
        assertThat(api.get(settingsPath(store), cashier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/stores/" + store + "/reservations?date=nope", cashier).status())
                .isEqualTo(400);
    }
}
