package o2o.mallevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.MutableClock;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Mall events, sign-ups, payments and check-ins, made through the HTTP API. */
final class MallEventFixtures {

    static final String EVENTS = "/api/v1/merchant/mall/events";

    private final Api api;
    private final Fixtures fixtures;
    private final MutableClock clock;

    MallEventFixtures(Api api, Fixtures fixtures, MutableClock clock) {
        this.api = api;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    /** An event starting in {@code startsIn}, for two hours, with this many seats and price (fen). */
    Map<String, Object> body(String title, Duration startsIn, int capacity, long priceMinor) {
        var starts = clock.instant().plus(startsIn);
        var body = new HashMap<String, Object>();
        body.put("title", title);
        body.put("description", "亲子手工，材料免费");
        body.put("place", "L1 中庭");
        body.put("startsAt", starts.toString());
        body.put("endsAt", starts.plus(Duration.ofHours(2)).toString());
        body.put("capacity", capacity);
        body.put("price", Map.of("minor", priceMinor, "currency", "CNY"));
        return body;
    }

    /** Creates the event; its id. */
    String create(String operatorToken, Duration startsIn, int capacity, long priceMinor) {
        var created = api.post(EVENTS, body(Fixtures.unique("周末市集"), startsIn, capacity, priceMinor), operatorToken);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    Api.Response signUp(String customer, String eventId) {
        return api.post("/api/v1/me/mall-events/" + eventId + "/sign-ups", null, customer);
    }

    JsonNode report(String operatorToken, String eventId) {
        var report = api.get(EVENTS + "/" + eventId, operatorToken);
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        return report.body();
    }

    /** The customer's sign-up as their list shows it. */
    JsonNode mine(String customer, String signUpId) {
        for (var entry : api.get("/api/v1/me/mall-events", customer).body()) {
            if (entry.path("signUp").path("id").asString().equals(signUpId)) return entry.path("signUp");
        }
        throw new AssertionError("no sign-up " + signUpId);
    }

    JsonNode awaitStatus(String customer, String signUpId, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> mine(customer, signUpId), s -> s.path("status").asString().equals(status));
    }

    String ticket(String customer, String signUpId) {
        var ticket = api.get("/api/v1/me/mall-event-sign-ups/" + signUpId + "/ticket", customer);
        assertThat(ticket.status()).as(ticket.raw()).isEqualTo(200);
        return ticket.text("token");
    }

    Api.Response checkIn(String staffToken, String eventId, String token) {
        return api.post(EVENTS + "/" + eventId + "/check-ins", Map.of("token", token), staffToken);
    }

    /** A free event's confirmed sign-up of a new customer: the customer's token and the sign-up id. */
    record Attendee(String token, String phone, String signUpId) {}

    Attendee attendee(String eventId) {
        var phone = Fixtures.uniquePhone();
        var token = fixtures.customerToken(phone);
        var signed = signUp(token, eventId);
        assertThat(signed.status()).as(signed.raw()).isEqualTo(201);
        return new Attendee(token, phone, signed.text("id"));
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    static UUID id(String text) {
        return UUID.fromString(text);
    }
}
