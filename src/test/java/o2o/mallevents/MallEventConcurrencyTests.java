package o2o.mallevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.malls.MallFixtures;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sign-ups racing for seats, the same customer racing themself, reminder runs and door scans racing each other. */
class MallEventConcurrencyTests extends ApiTest {

    @Autowired
    EventReminders reminders;

    private MallEventFixtures events;

    @BeforeEach
    void setUp() {
        events = new MallEventFixtures(api, fixtures, clock);
    }

    @Test
    void fiftyCustomersSigningUpAtOnceForTenSeatsGetExactlyTenAndTheRestAreTurnedAwayAsFull() throws Exception {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("抢座广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(2), 10, 0);
        var customers = IntStream.range(0, 50).mapToObj(i -> fixtures.customerToken(Fixtures.uniquePhone())).toList();

        var results = Concurrently.atOnce(IntStream.range(0, 50).<Callable<Api.Response>>mapToObj(i ->
                () -> events.signUp(customers.get(i), event)).toList());

        var created = results.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(10).allSatisfy(r -> assertThat(r.text("status")).isEqualTo("CONFIRMED"));
        assertThat(results.stream().filter(r -> r.status() != 201)).hasSize(40).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(409);
            assertThat(r.text("type")).endsWith("mall-event-full");
        });
        var report = events.report(operator, event);
        assertThat(report.path("event").path("taken").asInt()).isEqualTo(10);
        assertThat(report.path("event").path("left").asInt()).isZero();
        assertThat(report.path("signedUp").asLong()).isEqualTo(10);
        assertThat(report.path("signUps")).hasSize(10);
    }

    @Test
    void theSameCustomerSigningUpEightTimesAtOnceHoldsOneSeat() throws Exception {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("重复广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(2), 5, 0);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        var results = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i ->
                () -> events.signUp(customer, event)).toList());

        assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isIn(200, 201));
        assertThat(results.stream().map(r -> r.text("id")).distinct()).hasSize(1);
        assertThat(events.report(operator, event).path("event").path("taken").asInt()).isEqualTo(1);
        var again = events.signUp(customer, event);
        assertThat(again.status()).as("the same request later answers the seat held").isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(results.get(0).text("id"));
        assertThat(api.get("/api/v1/me/mall-events", customer).body()).hasSize(1);
    }

    @Test
    void twoReminderRunsAtOnceTextEachAttendeeOnceAndOnlyWhenDue() throws Exception {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("提醒广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofHours(5), 20, 0);
        var attendees = IntStream.range(0, 3).mapToObj(i -> events.attendee(event)).toList();

        reminders.sendDue(200); // other tests' events may be due; these five hours ahead are not
        for (var a : attendees) {
            assertThat(events.mine(a.token(), a.signUpId()).path("remindedAt").isNull()).as("five hours ahead: not due")
                    .isTrue();
        }
        clock.advance(Duration.ofMinutes(3 * 60 + 10));
        var runs = Concurrently.atOnce(List.<Callable<Integer>>of(() -> reminders.sendDue(200),
                () -> reminders.sendDue(200)));

        assertThat(runs.get(0) + runs.get(1)).as("these three, and any other test's now due").isGreaterThanOrEqualTo(3);
        for (var a : attendees) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reminders(a.phone()) == 1);
            assertThat(events.mine(a.token(), a.signUpId()).path("remindedAt").isString()).isTrue();
        }
        reminders.sendDue(200);
        Thread.sleep(500);
        for (var a : attendees) assertThat(reminders(a.phone())).isEqualTo(1);
    }

    @Test
    void eightScansOfOneQrCodeAtOnceCheckInOnceAndTellTheRestWhen() throws Exception {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("签到广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofHours(1), 20, 0);
        var attendee = events.attendee(event);
        var ticket = events.ticket(attendee.token(), attendee.signUpId());

        var results = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i ->
                () -> events.checkIn(operator, event, ticket)).toList());

        assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
        var checkedInAt = results.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().text("checkedInAt");
        assertThat(results.stream().filter(r -> r.status() != 201)).hasSize(7).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(409);
            assertThat(r.text("type")).endsWith("mall-event-already-checked-in");
            assertThat(r.text("checkedInAt")).isEqualTo(checkedInAt);
        });
        assertThat(events.report(operator, event).path("checkedIn").asLong()).isEqualTo(1);
    }

    private long reminders(String phone) {
        return fixtures.texts(phone).stream().filter(t -> t.contains("温馨提醒")).count();
    }
}
