package o2o.mallevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import o2o.identity.Role;
import o2o.malls.MallFixtures;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another mall's operator reads, edits, cancels and checks in nothing of this mall's events; its tenants and merchants
 * that run no mall manage none; the mall's cashiers check people in but do not run events.
 */
class MallEventAccessTests extends ApiTest {

    private MallEventFixtures events;

    @BeforeEach
    void setUp() {
        events = new MallEventFixtures(api, fixtures, clock);
    }

    @Test
    void theOperatorOfAnotherMallCannotReadEditCancelOrCheckInThisMallsEvents() {
        var mallA = new MallFixtures(api, fixtures).mall(Fixtures.unique("甲广场"), 1);
        var mallB = new MallFixtures(api, fixtures).mall(Fixtures.unique("乙广场"), 1);
        var a = mallA.operator().ownerToken();
        var b = mallB.operator().ownerToken();
        var event = events.create(a, Duration.ofDays(1), 5, 0);
        var attendee = events.attendee(event);
        var ticket = events.ticket(attendee.token(), attendee.signUpId());
        var path = MallEventFixtures.EVENTS + "/" + event;

        assertThat(api.get(path, b).status()).isEqualTo(404);
        assertThat(api.put(path, events.body("乙改甲", Duration.ofDays(1), 50, 0), b).status()).isEqualTo(404);
        assertThat(api.post(path + "/cancel", null, b).status()).isEqualTo(404);
        assertThat(events.checkIn(b, event, ticket).status()).isEqualTo(404);
        assertThat(api.get(MallEventFixtures.EVENTS, b).body()).as("B's list has none of A's").isEmpty();
        var bCashier = fixtures.staff(mallB.operator(), Role.CASHIER, Set.of());
        assertThat(events.checkIn(bCashier, event, ticket).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/malls/" + mallB.id() + "/events/" + event).status())
                .as("not an event of mall B").isEqualTo(404);

        var unchanged = events.report(a, event);
        assertThat(unchanged.path("event").path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(unchanged.path("event").path("capacity").asInt()).isEqualTo(5);
        assertThat(unchanged.path("checkedIn").asLong()).isZero();
    }

    @Test
    void tenantsAndMerchantsWithoutAMallManageNoEventsAndCashiersOnlyCheckIn() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("丙广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(1), 5, 0);
        var attendee = events.attendee(event);
        var ticket = events.ticket(attendee.token(), attendee.signUpId());
        var tenant = mall.tenants().get(0).merchant().ownerToken();
        var body = events.body("租户办活动", Duration.ofDays(1), 5, 0);

        assertThat(api.post(MallEventFixtures.EVENTS, body, tenant).status()).isEqualTo(403);
        assertThat(api.get(MallEventFixtures.EVENTS, tenant).status()).isEqualTo(403);
        assertThat(api.get(MallEventFixtures.EVENTS + "/" + event, tenant).status()).isEqualTo(403);
        assertThat(api.post(MallEventFixtures.EVENTS + "/" + event + "/cancel", null, tenant).status()).isEqualTo(403);
        assertThat(events.checkIn(tenant, event, ticket).status()).isEqualTo(403);
        var cashier = fixtures.staff(mall.operator(), Role.CASHIER, Set.of());
        assertThat(api.post(MallEventFixtures.EVENTS, body, cashier).status()).isEqualTo(403);
        assertThat(api.post(MallEventFixtures.EVENTS + "/" + event + "/cancel", null, cashier).status()).isEqualTo(403);
        var kitchen = fixtures.staff(mall.operator(), Role.KITCHEN, Set.of());
        assertThat(events.checkIn(kitchen, event, ticket).status()).isEqualTo(403);
        assertThat(api.get(MallEventFixtures.EVENTS, operator).body()).hasSize(1);

        var checkedIn = events.checkIn(cashier, event, ticket);
        assertThat(checkedIn.status()).as(checkedIn.raw()).isEqualTo(201);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        assertThat(api.get("/api/v1/me/mall-event-sign-ups/" + attendee.signUpId() + "/ticket", customer).status())
                .as("another customer's sign-up").isEqualTo(404);
    }
}
