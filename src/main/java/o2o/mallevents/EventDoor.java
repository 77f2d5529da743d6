package o2o.mallevents;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.mallevents.persistence.EventRows;
import o2o.mallevents.persistence.SignUpRows;
import o2o.malls.Mall;
import o2o.malls.Malls;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in at the door: the mall merchant's floor staff scan the sign-up's QR code. Exactly once per sign-up (one
 * conditional update; a second scan is 409 {@code mall-event-already-checked-in} with when); a code of another event
 * or mall is 422 {@code mall-event-ticket-elsewhere}. The check-in is the event campaign's scan for the attendee.
 */
@Service
public class EventDoor {

    /** Who checks people in: the mall merchant's owners, managers, cashiers and waiters. */
    static final Set<Role> DOOR = EnumSet.of(Role.OWNER, Role.MANAGER, Role.CASHIER, Role.WAITER);

    private final EventRows events;
    private final SignUpRows signUps;
    private final TicketTokens tokens;
    private final EventCampaigns campaigns;
    private final Malls malls;
    private final Clock clock;

    EventDoor(EventRows events, SignUpRows signUps, TicketTokens tokens, EventCampaigns campaigns, Malls malls,
            Clock clock) {
        this.events = events;
        this.signUps = signUps;
        this.tokens = tokens;
        this.campaigns = campaigns;
        this.malls = malls;
        this.clock = clock;
    }

    @Transactional
    public SignUp checkIn(StaffPrincipal staff, UUID eventId, String token) {
        var event = event(staff, eventId);
        var signUpId = tokens.verify(token);
        var signUp = signUps.find(signUpId).orElseThrow(() -> Problem.notFound("mall-event-sign-up"));
        if (!signUp.eventId().equals(eventId)) {
            throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "mall-event-ticket-elsewhere",
                    "this QR code is for another event");
        }
        event.requireScheduled();
        if (!signUps.checkIn(signUpId, eventId, staff.staffId(), clock.instant())) {
            var current = signUps.find(signUpId).orElseThrow();
            if (current.checkedInAt() != null) {
                throw new Problem(HttpStatus.CONFLICT, "mall-event-already-checked-in",
                        "checked in at " + current.checkedInAt(),
                        Map.of("checkedInAt", current.checkedInAt().toString()), current.checkedInAt().toString());
            }
            throw EventSignUps.notConfirmed(current);
        }
        var checkedIn = signUps.find(signUpId).orElseThrow();
        campaigns.checkedIn(event, checkedIn);
        return checkedIn;
    }

    /** An event of the mall the staff member's merchant runs, for its door staff; another mall's is "not found". */
    @Transactional(readOnly = true)
    public MallEvent event(StaffPrincipal staff, UUID eventId) {
        var mall = doorOf(staff);
        return events.find(eventId).filter(e -> e.mallId().equals(mall.id()))
                .orElseThrow(() -> Problem.notFound("mall-event"));
    }

    private Mall doorOf(StaffPrincipal staff) {
        if (staff.merchantId() == null || !DOOR.contains(staff.role())) {
            throw Problem.forbidden("only the mall's floor staff check people in");
        }
        return malls.runBy(new MerchantId(staff.merchantId()))
                .orElseThrow(() -> Problem.forbidden("this merchant runs no mall"));
    }
}
