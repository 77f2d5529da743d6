package o2o.mallevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.malls.MallFixtures;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A customer cancels their own sign-up: the seat back, the money back once, only theirs and only before the start. */
class SignUpCancelIntegrationTests extends ApiTest {

    private static final long PRICE = 3900;

    @Autowired
    JdbcClient jdbc;

    private MallEventFixtures events;

    @BeforeEach
    void setUp() {
        events = new MallEventFixtures(api, fixtures, clock);
    }

    private Api.Response cancel(String customer, String signUpId) {
        return api.post("/api/v1/me/mall-event-sign-ups/" + signUpId + "/cancel", null, customer);
    }

    private int taken(String operator, String event) {
        return events.report(operator, event).path("event").path("taken").asInt();
    }

    /** Refunds recorded for the order: by orders, and sent to the payment provider. */
    private long refunds(String orderId) {
        var order = UUID.fromString(orderId);
        return jdbc.sql("select count(*) from order_refund where order_id = :o").param("o", order).query(Long.class)
                .single() + jdbc.sql("select count(*) from refund where order_id = :o").param("o", order)
                .query(Long.class).single();
    }

    @Test
    void cancellingAPaidSeatGivesItBackAndRefundsInFullOnceHoweverOftenItIsAsked() throws Exception {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("退票广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(3), 1, PRICE);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var signed = events.signUp(customer, event);
        fixtures.pay(customer, signed.text("orderId"), true);
        events.awaitStatus(customer, signed.text("id"), "CONFIRMED");
        assertThat(taken(operator, event)).isEqualTo(1);

        var results = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i ->
                () -> cancel(customer, signed.text("id"))).toList());

        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.text("status")).isEqualTo("WITHDRAWN");
        });
        var again = cancel(customer, signed.text("id"));
        assertThat(again.status()).as("again: a no-op answering the sign-up").isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("WITHDRAWN");
        assertThat(again.body().path("refunded").asBoolean()).isTrue();
        assertThat(taken(operator, event)).as("the seat given back once").isZero();
        var order = api.get("/api/v1/me/orders/" + signed.text("orderId"), customer).body();
        assertThat(order.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.path("refundedAmount").path("minor").asLong()).isEqualTo(PRICE);
        assertThat(refunds(signed.text("orderId"))).as("one refund by orders, one sent to the provider").isEqualTo(2);
        assertThat(events.signUp(fixtures.customerToken(Fixtures.uniquePhone()), event).status())
                .as("the seat is free for someone else").isEqualTo(201);
    }

    @Test
    void cancellingAnUnpaidSeatCancelsItsOrderAndTheCustomerMaySignUpAgain() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("未付广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(3), 1, PRICE);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var signed = events.signUp(customer, event);

        var cancelled = cancel(customer, signed.text("id"));

        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("WITHDRAWN");
        assertThat(cancelled.body().path("refunded").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/me/orders/" + signed.text("orderId"), customer).body().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(taken(operator, event)).isZero();
        assertThat(refunds(signed.text("orderId"))).isZero();
        var anew = events.signUp(customer, event);
        assertThat(anew.status()).as(anew.raw()).isEqualTo(201);
        assertThat(anew.text("id")).isNotEqualTo(signed.text("id"));
        assertThat(taken(operator, event)).isEqualTo(1);
    }

    @Test
    void anotherCustomersSignUpIsNotFoundAndFromTheStartOnNoSignUpCanBeCancelled() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("开场广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofHours(2), 5, 0);
        var attendee = events.attendee(event);
        var stranger = fixtures.customerToken(Fixtures.uniquePhone());

        var notYours = cancel(stranger, attendee.signUpId());
        assertThat(notYours.status()).as(notYours.raw()).isEqualTo(404);
        assertThat(cancel(stranger, UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/mall-event-sign-ups/not-a-uuid/cancel", null, attendee.token()).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/me/mall-event-sign-ups/" + attendee.signUpId() + "/cancel", null, null).status())
                .isEqualTo(401);
        assertThat(events.mine(attendee.token(), attendee.signUpId()).path("status").asString())
                .isEqualTo("CONFIRMED");

        clock.advance(Duration.ofHours(2));
        var late = cancel(attendee.token(), attendee.signUpId());
        assertThat(late.status()).as(late.raw()).isEqualTo(409);
        assertThat(late.text("type")).endsWith("mall-event-started");
        assertThat(taken(operator, event)).isEqualTo(1);
    }

    @Test
    void fiveCancellingWhileTenSignUpForAFullEventOfFiveSeatsLeaveExactlyFiveSeated() throws Exception {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("换座广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(2), 5, 0);
        var seated = IntStream.range(0, 5).mapToObj(i -> events.attendee(event)).toList();
        var waiting = IntStream.range(0, 10).mapToObj(i -> fixtures.customerToken(Fixtures.uniquePhone())).toList();
        assertThat(taken(operator, event)).isEqualTo(5);

        var tasks = new ArrayList<Callable<Api.Response>>();
        seated.forEach(a -> tasks.add(() -> cancel(a.token(), a.signUpId())));
        waiting.forEach(w -> tasks.add(() -> events.signUp(w, event)));
        var results = Concurrently.atOnce(tasks);

        assertThat(results.subList(0, 5)).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(200));
        var signedUp = results.subList(5, 15).stream().filter(r -> r.status() == 201).count();
        assertThat(results.subList(5, 15)).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isIn(201, 409));
        var report = events.report(operator, event);
        assertThat(report.path("event").path("taken").asInt()).isEqualTo((int) signedUp);
        assertThat(report.path("signedUp").asLong()).isEqualTo(signedUp);
        // every seat given back is free again: whoever lost a race for it takes it now, until the event is full
        for (var w : waiting) events.signUp(w, event);
        var full = events.report(operator, event);
        assertThat(full.path("event").path("taken").asInt()).isEqualTo(5);
        assertThat(full.path("signedUp").asLong()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from mall_event_sign_up where event_id = :e and status = 'WITHDRAWN'")
                .param("e", UUID.fromString(event)).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void theCustomerCancelsOnTheirSignUpsPage() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("页面退出"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(2), 5, 0);
        var phone = Fixtures.uniquePhone();
        var session = new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
        session.get("/malls/" + mall.id() + "/events/" + event);
        assertThat(session.post("/me/mall-events/" + event + "/sign-up", Map.of()).status()).isEqualTo(302);
        assertThat(taken(operator, event)).isEqualTo(1);

        var page = session.get("/me/mall-events");
        var matcher = java.util.regex.Pattern.compile("data-id=\"([0-9a-f-]{36})\"").matcher(page.body());
        assertThat(matcher.find()).as(page.body()).isTrue();
        var signUpId = matcher.group(1);
        assertThat(page.body()).contains("cancel-sign-up", "/me/mall-events/" + signUpId + "/cancel");
        var done = session.post("/me/mall-events/" + signUpId + "/cancel", Map.of());
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/me/mall-events");
        var after = session.get("/me/mall-events");
        assertThat(after.body()).contains("mine-notice", "status-WITHDRAWN").doesNotContain("cancel-sign-up");
        assertThat(taken(operator, event)).isZero();
        var other = new WebSession(port).signInAsCustomer(Fixtures.uniquePhone(), fixtures::latestCode);
        other.get("/me/mall-events");
        assertThat(other.post("/me/mall-events/" + signUpId + "/cancel", Map.of()).status()).isEqualTo(404);
    }
}
