package o2o.mallevents;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.mallevents.persistence.EventRows;
import o2o.mallevents.persistence.SignUpRows;
import o2o.malls.Mall;
import o2o.malls.MallId;
import o2o.malls.Malls;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for the mall operator (owners and managers of the mall's merchant) and the public: events are
 * created, edited and cancelled only in the operator's own mall; another mall's event is "not found".
 */
@Service
public class MallEvents {

    private final EventRows events;
    private final SignUpRows signUps;
    private final EventCampaigns campaigns;
    private final EventCancellations cancellations;
    private final Malls malls;
    private final Clock clock;

    MallEvents(EventRows events, SignUpRows signUps, EventCampaigns campaigns, EventCancellations cancellations,
            Malls malls, Clock clock) {
        this.events = events;
        this.signUps = signUps;
        this.campaigns = campaigns;
        this.cancellations = cancellations;
        this.malls = malls;
        this.clock = clock;
    }

    /** A new event in the operator's mall, starting in the future, with its campaign for the whole group. */
    @Transactional
    public MallEvent create(StaffPrincipal operator, EventTerms terms) {
        var mall = malls.operatedBy(operator);
        var now = clock.instant();
        if (!terms.startsAt().isAfter(now)) throw new InvalidInput("startsAt", "must be in the future");
        var made = campaigns.create(operator, mall, terms);
        var event = new MallEvent(Ids.next(), mall.id(), mall.owner(), terms, 0, EventStatus.SCHEDULED,
                made.campaignId(), made.code(), now, null);
        events.insert(event);
        return get(mall, event.id());
    }

    /**
     * New terms for a scheduled event: the capacity not below the seats taken (409 {@code mall-event-capacity-taken}),
     * the price unchanged once anyone signed up (409 {@code mall-event-price-locked}).
     */
    @Transactional
    public MallEvent edit(StaffPrincipal operator, UUID eventId, EventTerms terms) {
        var mall = malls.operatedBy(operator);
        var event = get(mall, eventId);
        event.requireScheduled();
        if (!events.update(mall.id(), eventId, terms, clock.instant())) {
            var current = get(mall, eventId);
            current.requireScheduled();
            if (current.taken() > terms.capacity()) {
                throw new Problem(HttpStatus.CONFLICT, "mall-event-capacity-taken",
                        current.taken() + " seats are taken already", current.taken());
            }
            throw new Problem(HttpStatus.CONFLICT, "mall-event-price-locked",
                    "the price cannot change once anyone signed up");
        }
        return get(mall, eventId);
    }

    /**
     * The mall cancels the event: every sign-up ends, an unpaid order is cancelled and a paid seat refunded in full,
     * and the attendees are told. Cancelling again changes nothing.
     */
    @Transactional
    public MallEvent cancel(StaffPrincipal operator, UUID eventId) {
        var mall = malls.operatedBy(operator);
        var event = get(mall, eventId);
        if (events.cancel(mall.id(), eventId, clock.instant())) cancellations.cancelled(mall, event);
        return get(mall, eventId);
    }

    /** The operator's mall's events, the latest start first. */
    @Transactional(readOnly = true)
    public List<MallEvent> ofMall(StaffPrincipal operator) {
        return events.ofMall(malls.operatedBy(operator).id());
    }

    /** One event of the operator's mall. */
    @Transactional(readOnly = true)
    public MallEvent get(StaffPrincipal operator, UUID eventId) {
        return get(malls.operatedBy(operator), eventId);
    }

    /** The event with its sign-ups, attendance and the purchases its campaign counted after the check-ins. */
    @Transactional(readOnly = true)
    public EventReport report(StaffPrincipal operator, UUID eventId) {
        var event = get(operator, eventId);
        var counts = signUps.counts(eventId);
        return new EventReport(event, counts.holding(), counts.confirmed(), counts.pending(), counts.checkedIn(),
                signUps.ofEvent(eventId), campaigns.results(operator, event));
    }

    /** A mall's scheduled events that have not ended, soonest first; an unknown mall is "not found". */
    @Transactional(readOnly = true)
    public List<MallEvent> upcoming(MallId mallId) {
        return events.upcoming(malls.get(mallId).id(), clock.instant());
    }

    /** One of a mall's events, for anyone. */
    @Transactional(readOnly = true)
    public MallEvent find(MallId mallId, UUID eventId) {
        return events.find(eventId).filter(e -> e.mallId().equals(mallId))
                .orElseThrow(() -> Problem.notFound("mall-event"));
    }

    private MallEvent get(Mall mall, UUID eventId) {
        return find(mall.id(), eventId);
    }
}
