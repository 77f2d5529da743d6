package o2o.mallevents.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.CustomerPrincipal;
import o2o.mallevents.EventSignUps;
import o2o.mallevents.MallEvents;
import o2o.malls.MallId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A mall's events for everyone, and the customer's sign-ups. */
@RestController
@Tag(name = "Mall events")
class MallEventApi {

    /** A sign-up with its event. */
    record MySignUp(SignUpResponse signUp, EventResponse event) {}

    /** What the door scans. */
    record Ticket(String token) {}

    private final MallEvents events;
    private final EventSignUps signUps;

    MallEventApi(MallEvents events, EventSignUps signUps) {
        this.events = events;
        this.signUps = signUps;
    }

    @GetMapping("/api/v1/malls/{mallId}/events")
    @ApiResponse(responseCode = "200", description = "the mall's events that have not ended, soonest first")
    List<EventResponse> upcoming(@PathVariable UUID mallId) {
        return events.upcoming(new MallId(mallId)).stream().map(EventResponse::of).toList();
    }

    @GetMapping("/api/v1/malls/{mallId}/events/{eventId}")
    @ApiResponse(responseCode = "200", description = "the event")
    EventResponse get(@PathVariable UUID mallId, @PathVariable UUID eventId) {
        return EventResponse.of(events.find(new MallId(mallId), eventId));
    }

    /**
     * Signs the customer up, once: the same request again answers the seat they hold (200). A paid event's seat is
     * held by an order to pay ({@code orderId}); 409 {@code mall-event-full}, {@code mall-event-closed},
     * {@code mall-event-cancelled}.
     */
    @PostMapping("/api/v1/me/mall-events/{eventId}/sign-ups")
    @ApiResponse(responseCode = "201", description = "the new sign-up")
    @ApiResponse(responseCode = "200", description = "the sign-up the customer holds already")
    ResponseEntity<SignUpResponse> signUp(CustomerPrincipal customer, @PathVariable UUID eventId) {
        var outcome = signUps.signUp(customer, eventId);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SignUpResponse.of(outcome.signUp()));
    }

    /**
     * Cancels the customer's sign-up before the event starts: the seat goes back, an unpaid order is cancelled, a paid
     * seat refunded in full. Again (or for a sign-up that holds no seat any more) it answers the sign-up as it is and
     * changes nothing. 404 for anybody else's; 409 {@code mall-event-started} from the start,
     * {@code mall-event-already-checked-in} once checked in.
     */
    @PostMapping("/api/v1/me/mall-event-sign-ups/{signUpId}/cancel")
    @ApiResponse(responseCode = "200", description = "the sign-up, WITHDRAWN (or as it was when it held no seat)")
    SignUpResponse cancel(CustomerPrincipal customer, @PathVariable UUID signUpId) {
        return SignUpResponse.of(signUps.cancel(customer, signUpId).signUp());
    }

    @GetMapping("/api/v1/me/mall-events")
    @ApiResponse(responseCode = "200", description = "the customer's sign-ups with their events, newest first")
    List<MySignUp> mine(CustomerPrincipal customer) {
        return signUps.mine(customer).stream()
                .map(e -> new MySignUp(SignUpResponse.of(e.signUp()), EventResponse.of(e.event()))).toList();
    }

    /** The QR code's text of a confirmed sign-up; 409 {@code mall-event-sign-up-not-confirmed} before. */
    @GetMapping("/api/v1/me/mall-event-sign-ups/{signUpId}/ticket")
    @ApiResponse(responseCode = "200", description = "what the sign-up's QR code carries")
    Ticket ticket(CustomerPrincipal customer, @PathVariable UUID signUpId) {
        return new Ticket(signUps.ticket(customer, signUpId));
    }
}
