package o2o.reservations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.MutableClock;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Stores that take bookings, their settings, bookings and paid deposits, made through the public API. */
final class ReservationFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Api api;
    private final Fixtures fixtures;
    private final MutableClock clock;

    /**
     * Also moves the test clock to the next 09:00 in Shanghai: the tests book tomorrow's 12:00 and 18:00 slots, and
     * whether those are past a cut-off or outside a free-cancellation period must not depend on when the suite runs.
     */
    ReservationFixtures(Api api, Fixtures fixtures, MutableClock clock) {
        this.api = api;
        this.fixtures = fixtures;
        this.clock = clock;
        var now = clock.instant().atZone(SHANGHAI);
        var morning = now.toLocalDate().atTime(9, 0).atZone(SHANGHAI);
        if (!morning.isAfter(now)) morning = morning.plusDays(1);
        clock.advance(Duration.between(now, morning));
    }

    /** A store open around the clock every day (Asia/Shanghai). */
    UUID store(MerchantFixture merchant, String name) {
        var hours = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) hours.put(day, List.of("00:00-00:00"));
        var created = api.post("/api/v1/merchant/stores", Map.of("name", Fixtures.unique(name), "address", "测试路1号",
                "city", "上海", "lat", 31.2, "lng", 121.4, "category", "本帮菜", "openingHours", hours,
                "tags", List.of("测试")), merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** Settings with the same slots every day, one table type per entry of {@code types} (name, min, max, tables). */
    static Map<String, Object> settings(List<String> slots, List<Map<String, Object>> types, long depositMinor,
            boolean perPerson, int freeCancelHours) {
        var days = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) days.put(day, slots);
        var body = new HashMap<String, Object>();
        body.put("slots", days);
        body.put("tableTypes", types);
        body.put("daysAhead", 30);
        body.put("cutoffMinutes", 60);
        body.put("depositMinor", depositMinor);
        body.put("depositPerPerson", perPerson);
        body.put("freeCancelHours", freeCancelHours);
        body.put("reminderMinutes", 120);
        return body;
    }

    static Map<String, Object> type(String name, int min, int max, int tables) {
        return Map.of("name", name, "minParty", min, "maxParty", max, "tables", tables);
    }

    void configure(MerchantFixture merchant, UUID store, Map<String, Object> settings) {
        var saved = api.put(settingsPath(store), settings, merchant.ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    static String settingsPath(UUID store) {
        return "/api/v1/merchant/stores/" + store + "/reservations/settings";
    }

    /** Tomorrow in the store's time zone. */
    LocalDate tomorrow() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI).plusDays(1);
    }

    static Map<String, Object> booking(UUID store, LocalDate date, String time, int partySize) {
        return Map.of("storeId", store, "date", date.toString(), "time", time, "partySize", partySize,
                "name", "王先生", "note", "靠窗");
    }

    Api.Response book(String customer, Map<String, Object> body) {
        return book(customer, body, UUID.randomUUID().toString());
    }

    Api.Response book(String customer, Map<String, Object> body, String idempotencyKey) {
        return api.send("POST", "/api/v1/reservations", body, customer, Map.of("Idempotency-Key", idempotencyKey));
    }

    JsonNode mine(String customer, String reservationId) {
        var found = api.get("/api/v1/me/reservations/" + reservationId, customer);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        return found.body();
    }

    JsonNode awaitStatus(String customer, String reservationId, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> mine(customer, reservationId), b -> b.path("status").asString().equals(status));
    }

    /** The booking's deposit paid on the sandbox gateway's page, and the booking confirmed. */
    JsonNode payDeposit(String customer, JsonNode booking) {
        fixtures.pay(customer, booking.path("orderId").asString(), true);
        return awaitStatus(customer, booking.path("id").asString(), "CONFIRMED");
    }

    JsonNode order(String customer, String orderId) {
        var order = api.get("/api/v1/me/orders/" + orderId, customer);
        assertThat(order.status()).as(order.raw()).isEqualTo(200);
        return order.body();
    }

    /** What the slot's type has booked and left, from the public slots API. */
    JsonNode slotType(UUID store, LocalDate date, String time, String type) {
        var day = api.get("/api/v1/stores/" + store + "/reservation-slots?date=" + date);
        assertThat(day.status()).as(day.raw()).isEqualTo(200);
        for (var slot : day.body().path("slots")) {
            if (!slot.path("time").asString().startsWith(time)) continue;
            for (var t : slot.path("types")) if (t.path("name").asString().equals(type)) return t;
        }
        throw new AssertionError("no " + type + " at " + time + " in " + day.raw());
    }

    int booked(UUID store, LocalDate date, String time, String type) {
        return slotType(store, date, time, type).path("booked").asInt();
    }

    /** Messages to a phone (newest first) that contain {@code text}. */
    long messagesTo(String phone, String text) {
        var inbox = api.get("/api/v1/dev/inbox?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        assertThat(inbox.status()).isEqualTo(200);
        long count = 0;
        for (var message : inbox.body()) if (message.path("body").asString().contains(text)) count++;
        return count;
    }
}
