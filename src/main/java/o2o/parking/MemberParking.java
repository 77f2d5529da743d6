package o2o.parking;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.loyalty.PointsSpending;
import o2o.loyalty.RedemptionRules;
import o2o.malls.Mall;
import o2o.malls.Malls;
import o2o.parking.persistence.PlateRows;
import o2o.parking.persistence.SessionRows;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's stays at malls' car parks (the current ones of their plates), priced now, and paying one in advance with
 * the mall's points at its program's rate — once per stay: the stay moves PARKED → PAID in one conditional update and
 * the points are spent under {@code parking:<id>} in the same transaction, so racing payments deduct once and a
 * balance too short leaves the stay parked.
 */
@Service
public class MemberParking {

    private final SessionRows sessions;
    private final PlateRows plates;
    private final Malls malls;
    private final Pricing pricing;
    private final PointsSpending spending;
    private final Clock clock;

    MemberParking(SessionRows sessions, PlateRows plates, Malls malls, Pricing pricing, PointsSpending spending,
            Clock clock) {
        this.sessions = sessions;
        this.plates = plates;
        this.malls = malls;
        this.pricing = pricing;
        this.spending = spending;
        this.clock = clock;
    }

    /** A current stay as the member sees it: priced now, in the mall's points, beside their balance there. */
    public record Current(Quote quote, Mall mall, long points, long balance) {}

    /** A payment in advance: the stay after it, the points, what they paid, the balance left. */
    public record Paid(ParkingSession session, long points, Money value, long balance, boolean replayed) {}

    @Transactional(readOnly = true)
    public List<Current> current(CustomerPrincipal customer) {
        var now = clock.instant();
        return sessions.current(plates.of(customer.id())).stream().map(s -> current(customer, s, now)).toList();
    }

    @Transactional(readOnly = true)
    public Current current(CustomerPrincipal customer, UUID sessionId) {
        return current(customer, mine(customer, sessionId), clock.instant());
    }

    /**
     * Pays the stay with points; {@code points} must be what it costs now (else 409 {@code parking-fee-changed} with
     * the points now). A stay paid before answers that payment.
     */
    @Transactional
    public Paid pay(CustomerPrincipal customer, UUID sessionId, long points) {
        if (points <= 0) throw new InvalidInput("points", "more than 0");
        var session = mine(customer, sessionId);
        if (session.status() != ParkingSession.Status.PARKED) return earlier(customer, session);
        var mall = malls.get(session.mall());
        var now = clock.instant();
        var quote = pricing.quote(session, now);
        if (quote.due().isZero()) throw Problem.conflict("parking-nothing-due", "this stay costs nothing now");
        long needed = pointsFor(quote.due(), spending.rules(mall.programId()));
        if (points != needed) {
            throw new Problem(HttpStatus.CONFLICT, "parking-fee-changed", "the stay costs " + needed + " points now",
                    Map.of("points", needed, "dueMinor", quote.due().minor()), needed);
        }
        var payment = new ParkingSession.Payment(customer.id(), now, needed, quote.due());
        if (!sessions.pay(session.id(), payment)) {
            return earlier(customer, sessions.find(session.id()).orElseThrow());
        }
        var spent = spending.spend(customer.id(), mall.programId(), mall.owner(), needed, "parking:" + session.id(),
                "停车缴费 " + session.plate());
        return new Paid(sessions.find(session.id()).orElseThrow(), needed, quote.due(), spent.balance(), false);
    }

    /** The points that pay this amount at the program's rate: rounded up to whole steps. */
    static long pointsFor(Money due, RedemptionRules rules) {
        long rate = rules.pointsPerYuanOff();
        long points = Math.ceilDiv(Math.multiplyExact(due.minor(), rate), 100L);
        long step = rules.step();
        return Math.ceilDiv(points, step) * step;
    }

    private Paid earlier(CustomerPrincipal customer, ParkingSession session) {
        var payment = session.payment();
        if (payment == null) throw Problem.conflict("parking-session-closed", "the car has left");
        var mall = malls.get(session.mall());
        return new Paid(session, payment.points(), payment.value(), spending.balance(customer.id(), mall.programId()),
                true);
    }

    private Current current(CustomerPrincipal customer, ParkingSession session, java.time.Instant now) {
        var mall = malls.get(session.mall());
        var quote = pricing.quote(session, now);
        long points = quote.due().isZero() ? 0 : pointsFor(quote.due(), spending.rules(mall.programId()));
        return new Current(quote, mall, points, spending.balance(customer.id(), mall.programId()));
    }

    /** The stay, if it is of one of the customer's plates; anybody else's is "not found". */
    private ParkingSession mine(CustomerPrincipal customer, UUID sessionId) {
        return sessions.find(sessionId)
                .filter(s -> plates.owner(s.plate()).filter(customer.id()::equals).isPresent())
                .orElseThrow(() -> Problem.notFound("parking session"));
    }
}
