package o2o.mallevents.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.mallevents.EventDoor;
import o2o.mallevents.MallEvents;
import o2o.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mall operator's events (owners and managers of the mall's merchant), and check-in at the door (its floor
 * staff). Another mall's event is "not found"; a merchant that runs no mall is refused (403).
 */
@RestController
@Tag(name = "Mall operator: events")
class MallEventConsoleApi {

    private final MallEvents events;
    private final EventDoor door;

    MallEventConsoleApi(MallEvents events, EventDoor door) {
        this.events = events;
        this.door = door;
    }

    @GetMapping("/api/v1/merchant/mall/events")
    @ApiResponse(responseCode = "200", description = "the mall's events, the latest start first")
    List<EventResponse> list(StaffPrincipal staff) {
        return events.ofMall(staff).stream().map(EventResponse::of).toList();
    }

    /** A new event: 400 for a capacity below 1, an end not after the start, a start not in the future. */
    @PostMapping("/api/v1/merchant/mall/events")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "the event, with its campaign for the mall's tenants")
    EventResponse create(StaffPrincipal staff, @RequestBody EventRequest request) {
        return EventResponse.of(events.create(staff, request.terms()));
    }

    @GetMapping("/api/v1/merchant/mall/events/{eventId}")
    @ApiResponse(responseCode = "200", description = "the event with its sign-ups, attendance and follow-on purchases")
    EventReportResponse get(StaffPrincipal staff, @PathVariable UUID eventId) {
        return EventReportResponse.of(events.report(staff, eventId));
    }

    /** New terms: 409 {@code mall-event-capacity-taken} below the seats taken, {@code mall-event-price-locked}. */
    @PutMapping("/api/v1/merchant/mall/events/{eventId}")
    @ApiResponse(responseCode = "200", description = "the event as edited")
    EventResponse edit(StaffPrincipal staff, @PathVariable UUID eventId, @RequestBody EventRequest request) {
        var terms = request.terms();
        return EventResponse.of(events.edit(staff, eventId, terms));
    }

    /** Cancels the event: unpaid orders cancelled, paid seats refunded in full; again changes nothing. */
    @PostMapping("/api/v1/merchant/mall/events/{eventId}/cancel")
    @ApiResponse(responseCode = "200", description = "the event, cancelled")
    EventResponse cancel(StaffPrincipal staff, @PathVariable UUID eventId) {
        return EventResponse.of(events.cancel(staff, eventId));
    }

    /**
     * Checks the holder of a sign-up's QR code in, once: 409 {@code mall-event-already-checked-in} (with
     * {@code checkedInAt}) the second time, 422 {@code mall-event-ticket-elsewhere} for another event's code.
     */
    @PostMapping("/api/v1/merchant/mall/events/{eventId}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "the sign-up, checked in now")
    SignUpResponse checkIn(StaffPrincipal staff, @PathVariable UUID eventId, @RequestBody CheckInRequest request) {
        door.event(staff, eventId);
        if (request.token() == null || request.token().isBlank()) throw new InvalidInput("token", "is required");
        return SignUpResponse.of(door.checkIn(staff, eventId, request.token()));
    }
}
