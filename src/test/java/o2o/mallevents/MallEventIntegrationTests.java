package o2o.mallevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import o2o.malls.MallFixtures;
import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Paid seats held and released, the mall cancelling, check-in and the purchases at tenants it is credited with. */
class MallEventIntegrationTests extends ApiTest {

    private static final long PRICE = 3900;

    @Autowired
    JdbcClient jdbc;

    private MallEventFixtures events;

    @BeforeEach
    void setUp() {
        events = new MallEventFixtures(api, fixtures, clock);
    }

    @Test
    void aPaidSeatIsHeldByAnOrderForTheMallAndConfirmedWhenPaid() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("付费广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(3), 2, PRICE);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        var signed = events.signUp(customer, event);

        assertThat(signed.status()).as(signed.raw()).isEqualTo(201);
        assertThat(signed.text("status")).isEqualTo("PENDING_PAYMENT");
        var orderId = signed.text("orderId");
        var order = api.get("/api/v1/me/orders/" + orderId, customer).body();
        assertThat(order.path("merchantId").asString()).isEqualTo(mall.operator().id().toString());
        assertThat(order.path("channel").asString()).isEqualTo("EVENT");
        assertThat(order.path("totalAmount").path("minor").asLong()).isEqualTo(PRICE);
        assertThat(events.report(operator, event).path("event").path("taken").asInt()).as("seat held").isEqualTo(1);
        var early = api.get("/api/v1/me/mall-event-sign-ups/" + signed.text("id") + "/ticket", customer);
        assertThat(early.status()).as("no QR before it is paid").isEqualTo(409);

        fixtures.pay(customer, orderId, true);

        var confirmed = events.awaitStatus(customer, signed.text("id"), "CONFIRMED");
        assertThat(confirmed.path("confirmedAt").isString()).isTrue();
        assertThat(events.ticket(customer, signed.text("id"))).startsWith("ME1.");
        var report = events.report(operator, event);
        assertThat(report.path("confirmed").asLong()).isEqualTo(1);
        assertThat(report.path("event").path("taken").asInt()).isEqualTo(1);
    }

    @Test
    void anUnpaidSeatWhoseOrderIsCancelledIsGivenBackAndMaySignUpAgain() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("取消广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(3), 1, PRICE);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var other = fixtures.customerToken(Fixtures.uniquePhone());
        var signed = events.signUp(customer, event);
        assertThat(events.signUp(other, event).status()).as("the only seat is held").isEqualTo(409);

        var cancelled = api.post("/api/v1/orders/" + signed.text("orderId") + "/cancel", null, customer);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);

        var expired = events.awaitStatus(customer, signed.text("id"), "EXPIRED");
        assertThat(expired.path("orderId").asString()).isEqualTo(signed.text("orderId"));
        assertThat(events.report(operator, event).path("event").path("taken").asInt()).isZero();
        var taken = events.signUp(other, event);
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        assertThat(events.report(operator, event).path("event").path("taken").asInt()).isEqualTo(1);
    }

    @Test
    void theMallCancellingRefundsPaidSeatsInFullCancelsUnpaidOrdersAndTellsEveryone() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("停办广场"), 1);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofDays(3), 5, PRICE);
        var payer = fixtures.customerToken(Fixtures.uniquePhone());
        var waiter = fixtures.customerToken(Fixtures.uniquePhone());
        var paid = events.signUp(payer, event);
        fixtures.pay(payer, paid.text("orderId"), true);
        events.awaitStatus(payer, paid.text("id"), "CONFIRMED");
        var unpaid = events.signUp(waiter, event);

        var cancelled = api.post(MallEventFixtures.EVENTS + "/" + event + "/cancel", null, operator);

        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(api.post(MallEventFixtures.EVENTS + "/" + event + "/cancel", null, operator).status())
                .as("again changes nothing").isEqualTo(200);
        var refunded = events.mine(payer, paid.text("id"));
        assertThat(refunded.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(refunded.path("refunded").asBoolean()).isTrue();
        var order = api.get("/api/v1/me/orders/" + paid.text("orderId"), payer).body();
        assertThat(order.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.path("refundedAmount").path("minor").asLong()).isEqualTo(PRICE);
        assertThat(api.get("/api/v1/me/orders/" + unpaid.text("orderId"), waiter).body().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(events.mine(waiter, unpaid.text("id")).path("status").asString()).isEqualTo("CANCELLED");
        var late = events.signUp(fixtures.customerToken(Fixtures.uniquePhone()), event);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("type")).endsWith("mall-event-cancelled");
    }

    @Test
    void aPurchaseAtATenantAfterCheckInIsAttributedToTheEventsCampaignAndOneWithoutCheckInIsNot() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("归因广场"), 2);
        var operator = mall.operator().ownerToken();
        var event = events.create(operator, Duration.ofHours(1), 20, 0);
        var came = events.attendee(event);
        var stayedAway = events.attendee(event);
        var checkedIn = events.checkIn(operator, event, events.ticket(came.token(), came.signUpId()));
        assertThat(checkedIn.status()).as(checkedIn.raw()).isEqualTo(201);
        var tenant = mall.tenants().get(1);
        var deal = fixtures.deal(tenant.merchant(), Set.of(tenant.store()), 5000, 100, false, "ANYTIME");

        for (var buyer : java.util.List.of(came, stayedAway)) {
            var order = fixtures.order(buyer.token(), deal, 1);
            assertThat(order.status()).as(order.raw()).isEqualTo(201);
            fixtures.pay(buyer.token(), order.text("id"), true);
        }

        var report = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> events.report(operator, event), r -> r.path("purchasesAfterCheckIn").asLong() >= 1);
        Drained.await(jdbc);
        report = events.report(operator, event);
        assertThat(report.path("checkedIn").asLong()).isEqualTo(1);
        assertThat(report.path("purchasesAfterCheckIn").asLong()).as("only the attendee's purchase").isEqualTo(1);
        assertThat(report.path("revenueAttributed").path("minor").asLong()).isEqualTo(5000);
        var campaigns = api.get("/api/v1/merchant/campaigns", operator).body().path("items");
        assertThat(campaigns).anySatisfy(c -> assertThat(c.path("audience").asString()).isEqualTo("GROUP"));
    }

    @Test
    void badInputIsA4xxAndChangesNothing() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("校验广场"), 1);
        var operator = mall.operator().ownerToken();
        for (var capacity : new int[] {0, -3}) {
            var refused = api.post(MallEventFixtures.EVENTS, events.body("零名额", Duration.ofDays(1), capacity, 0), operator);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        }
        var backwards = events.body("倒着的活动", Duration.ofDays(1), 10, 0);
        backwards.put("endsAt", clock.instant().plus(Duration.ofHours(20)).toString());
        assertThat(api.post(MallEventFixtures.EVENTS, backwards, operator).status()).isEqualTo(400);
        var past = events.body("过去的活动", Duration.ofDays(-1), 10, 0);
        assertThat(api.post(MallEventFixtures.EVENTS, past, operator).status()).isEqualTo(400);
        var untitled = events.body("", Duration.ofDays(1), 10, 0);
        untitled.remove("title");
        assertThat(api.post(MallEventFixtures.EVENTS, untitled, operator).status()).isEqualTo(400);
        var negative = events.body("负价", Duration.ofDays(1), 10, 0);
        negative.put("price", Map.of("minor", -1, "currency", "CNY"));
        assertThat(api.post(MallEventFixtures.EVENTS, negative, operator).status()).isEqualTo(400);
        var late = events.body("截止太晚", Duration.ofDays(1), 10, 0);
        late.put("signUpDeadline", clock.instant().plus(Duration.ofDays(2)).toString());
        assertThat(api.post(MallEventFixtures.EVENTS, late, operator).status()).isEqualTo(400);
        assertThat(api.get(MallEventFixtures.EVENTS, operator).body()).as("nothing created").isEmpty();

        var event = events.create(operator, Duration.ofDays(1), 3, 0);
        var unknown = java.util.UUID.randomUUID();
        assertThat(api.get(MallEventFixtures.EVENTS + "/" + unknown, operator).status()).isEqualTo(404);
        assertThat(events.signUp(fixtures.customerToken(Fixtures.uniquePhone()), unknown.toString()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/malls/" + mall.id() + "/events/" + unknown).status()).isEqualTo(404);
        events.attendee(event);
        events.attendee(event);
        var shrink = api.put(MallEventFixtures.EVENTS + "/" + event, events.body("缩小", Duration.ofDays(1), 1, 0), operator);
        assertThat(shrink.status()).as(shrink.raw()).isEqualTo(409);
        assertThat(shrink.text("type")).endsWith("mall-event-capacity-taken");
        var reprice = api.put(MallEventFixtures.EVENTS + "/" + event, events.body("涨价", Duration.ofDays(1), 3, 100), operator);
        assertThat(reprice.status()).as(reprice.raw()).isEqualTo(409);
        var zero = api.put(MallEventFixtures.EVENTS + "/" + event, events.body("零", Duration.ofDays(1), 0, 0), operator);
        assertThat(zero.status()).isEqualTo(400);
        var unchanged = events.report(operator, event).path("event");
        assertThat(unchanged.path("capacity").asInt()).isEqualTo(3);
        assertThat(unchanged.path("taken").asInt()).isEqualTo(2);
        var edited = api.put(MallEventFixtures.EVENTS + "/" + event, events.body("改名了", Duration.ofDays(1), 2, 0), operator);
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.text("title")).isEqualTo("改名了");
        assertThat(edited.body().path("left").asInt()).isZero();
        assertThat(api.get("/api/v1/malls/" + mall.id() + "/events").body()).hasSize(1);
    }

    @Test
    void aQrCodeOfAnotherEventOrAForgedOneChecksNobodyIn() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("验码广场"), 1);
        var operator = mall.operator().ownerToken();
        var first = events.create(operator, Duration.ofHours(2), 5, 0);
        var second = events.create(operator, Duration.ofHours(3), 5, 0);
        var attendee = events.attendee(first);
        var ticket = events.ticket(attendee.token(), attendee.signUpId());

        var elsewhere = events.checkIn(operator, second, ticket);
        assertThat(elsewhere.status()).as(elsewhere.raw()).isEqualTo(422);
        assertThat(elsewhere.text("type")).endsWith("mall-event-ticket-elsewhere");
        var someoneElse = java.nio.ByteBuffer.allocate(16).putLong(1L).putLong(2L).array();
        var forgedToken = "ME1." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(someoneElse)
                + ticket.substring(ticket.lastIndexOf('.'));
        var forged = events.checkIn(operator, first, forgedToken);
        assertThat(forged.status()).as(forged.raw()).isEqualTo(400);
        assertThat(events.checkIn(operator, first, "").status()).isEqualTo(400);
        assertThat(events.report(operator, first).path("checkedIn").asLong()).isZero();
        assertThat(events.checkIn(operator, first, ticket).status()).isEqualTo(201);
    }
}
