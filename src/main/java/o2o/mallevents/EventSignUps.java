package o2o.mallevents;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import o2o.identity.CustomerPrincipal;
import o2o.mallevents.persistence.EventRows;
import o2o.mallevents.persistence.SignUpRows;
import o2o.malls.Malls;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.Orders;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' sign-ups. One per customer and event (a unique index: the same request again answers the seat held);
 * the seat is taken by one conditional update ({@code taken < capacity}) in the same transaction, so an event is never
 * oversold. A paid event's seat is held by an EVENT order for the mall's merchant until it is paid (CONFIRMED) or
 * cancelled unpaid (EXPIRED, the seat given back). The customer may cancel it until the event starts (WITHDRAWN: the
 * seat given back by one conditional update, {@code taken > 0}, and the order cancelled or refunded in full).
 */
@Service
public class EventSignUps {

    /** A sign-up with its event. */
    public record Entry(SignUp signUp, MallEvent event) {}

    private final EventRows events;
    private final SignUpRows signUps;
    private final Orders orders;
    private final Malls malls;
    private final TicketTokens tokens;
    private final EventCancellations cancellations;
    private final Clock clock;

    EventSignUps(EventRows events, SignUpRows signUps, Orders orders, Malls malls, TicketTokens tokens,
            EventCancellations cancellations, Clock clock) {
        this.events = events;
        this.signUps = signUps;
        this.orders = orders;
        this.malls = malls;
        this.tokens = tokens;
        this.cancellations = cancellations;
        this.clock = clock;
    }

    /**
     * Signs the customer up: the seat they hold already, or a new one while the event takes sign-ups (409
     * {@code mall-event-closed}, {@code mall-event-cancelled}) and has one left (409 {@code mall-event-full}).
     */
    @Transactional
    public SignUpOutcome signUp(CustomerPrincipal customer, UUID eventId) {
        var who = new CustomerId(customer.customerId());
        var event = events.find(eventId).orElseThrow(() -> Problem.notFound("mall-event"));
        var held = signUps.holding(eventId, who);
        if (held.isPresent()) return new SignUpOutcome(held.get(), event, false);
        var now = clock.instant();
        event.requireOpen(now);
        var id = Ids.next();
        var free = event.terms().free();
        if (!signUps.insertIfNone(id, eventId, who, free ? SignUpStatus.CONFIRMED : SignUpStatus.PENDING_PAYMENT, now)) {
            return new SignUpOutcome(signUps.holding(eventId, who).orElseThrow(), event, false);
        }
        if (!events.takeSeat(eventId)) {
            events.find(eventId).orElseThrow().requireOpen(now);
            throw new Problem(HttpStatus.CONFLICT, "mall-event-full", "every seat is taken");
        }
        if (!free) signUps.paidBy(id, placeOrder(event, id, who));
        return new SignUpOutcome(signUps.find(id).orElseThrow(), events.find(eventId).orElseThrow(), true);
    }

    private OrderId placeOrder(MallEvent event, UUID signUpId, CustomerId customer) {
        var price = event.terms().price();
        var building = malls.get(event.mallId()).building();
        return orders.place(new NewOrder(event.merchantId(), building, customer, Channel.EVENT,
                List.of(new NewOrder.Line(LineKind.TICKET, signUpId, event.terms().title(), price, 1, price)),
                Money.zero(price.currency()), null, 0)).id();
    }

    /**
     * The customer cancels their sign-up before the event starts: the seat goes back, an unpaid order is cancelled and
     * a paid one refunded in full. A sign-up that holds no seat any more (cancelled already, expired, the event
     * cancelled) is answered as it is and nothing happens again; anybody else's is 404; from the event's start 409
     * {@code mall-event-started}, once checked in 409 {@code mall-event-already-checked-in}.
     */
    @Transactional
    public Entry cancel(CustomerPrincipal customer, UUID signUpId) {
        var entry = mine(customer, signUpId);
        if (!entry.signUp().status().holdsSeat()) return entry;
        var now = clock.instant();
        entry.event().requireNotStarted(now);
        requireNotCheckedIn(entry.signUp());
        var before = signUps.withdraw(signUpId, entry.signUp().customerId(), now);
        if (before.isEmpty()) {
            var current = mine(customer, signUpId);
            requireNotCheckedIn(current.signUp());
            return current;
        }
        events.releaseSeat(entry.event().id());
        cancellations.withdrawn(before.get());
        return mine(customer, signUpId);
    }

    private static void requireNotCheckedIn(SignUp signUp) {
        var at = signUp.checkedInAt();
        if (at != null) {
            throw new Problem(HttpStatus.CONFLICT, "mall-event-already-checked-in", "checked in at " + at,
                    at.toString());
        }
    }

    /** The customer's sign-ups with their events, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> mine(CustomerPrincipal customer) {
        var mine = signUps.ofCustomer(new CustomerId(customer.customerId()));
        var byId = events.findAll(mine.stream().map(SignUp::eventId).distinct().toList()).stream()
                .collect(Collectors.toMap(MallEvent::id, Function.identity()));
        return mine.stream().map(s -> new Entry(s, byId.get(s.eventId()))).toList();
    }

    /** One of the customer's sign-ups; anybody else's is "not found". */
    @Transactional(readOnly = true)
    public Entry mine(CustomerPrincipal customer, UUID signUpId) {
        var signUp = signUps.find(signUpId).filter(s -> s.customerId().value().equals(customer.customerId()))
                .orElseThrow(() -> Problem.notFound("mall-event-sign-up"));
        return new Entry(signUp, events.find(signUp.eventId()).orElseThrow());
    }

    /** What the QR code of the customer's confirmed sign-up carries; 409 while it is not confirmed. */
    @Transactional(readOnly = true)
    public String ticket(CustomerPrincipal customer, UUID signUpId) {
        var signUp = mine(customer, signUpId).signUp();
        if (signUp.status() != SignUpStatus.CONFIRMED) throw notConfirmed(signUp);
        return tokens.issue(signUp.id());
    }

    /** The EVENT order was paid: the seat is confirmed, once. */
    void paid(OrderId order) {
        signUps.confirm(order, clock.instant());
    }

    /** The EVENT order was cancelled unpaid: the sign-up expires and its seat is given back, once. */
    void notPaid(OrderId order) {
        signUps.expire(order, clock.instant()).ifPresent(events::releaseSeat);
    }

    static Problem notConfirmed(SignUp signUp) {
        return new Problem(HttpStatus.CONFLICT, "mall-event-sign-up-not-confirmed",
                "this sign-up is " + signUp.status(), signUp.status());
    }
}
