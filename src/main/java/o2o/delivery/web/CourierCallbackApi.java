package o2o.delivery.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.delivery.ProviderCallbacks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where courier providers report the orders they carry. Open to anyone, authenticated by the provider's signature
 * over the exact body (checked by the provider's adapter), so it is read as a string before it is parsed.
 */
@RestController
@Tag(name = "Courier provider callbacks")
class CourierCallbackApi {

    private final ProviderCallbacks callbacks;

    CourierCallbackApi(ProviderCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** A provider's report, in the sandbox fleet's words (a real fleet's adapter reads its own). */
    @Schema(name = "CourierCallback")
    record Body(String eventId, String orderRef,
            @Schema(description = "ASSIGNED, ARRIVED, PICKED_UP, DELIVERING, DELIVERED, CANCELLED or RETURNED")
            String status,
            @Nullable String riderName, @Nullable String riderPhone, @Nullable Double lat, @Nullable Double lng,
            Instant occurredAt) {}

    /** {@code outcome}: APPLIED (the order or its rider's position moved), IGNORED (already there), REPEATED. */
    record Answer(boolean received, ProviderCallbacks.Outcome outcome) {}

    @PostMapping(path = "/api/v1/delivery/callbacks/{provider}", consumes = "application/json")
    @Operation(summary = "A courier provider reports a step of an order it carries",
            description = "Signed by the provider, each fleet in its own way; the fleet scheme sends Fleet-Timestamp (unix seconds), Fleet-Nonce "
                    + "and Fleet-Signature (hex HMAC-SHA256 with the provider's secret of timestamp + \"\\n\" + nonce "
                    + "+ \"\\n\" + body). Each eventId is taken once; states only move forward.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Body.class))))
    @ApiResponse(responseCode = "200", description = "taken (applied, already there, or a repeat of an event)")
    @ApiResponse(responseCode = "400", description = "signed, but not a callback this provider sends")
    @ApiResponse(responseCode = "401", description = "signature missing or wrong, or its timestamp more than 5 minutes off")
    @ApiResponse(responseCode = "404", description = "no such provider here, or no order with this reference")
    Answer callback(@PathVariable String provider,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestHeader HttpHeaders headers,
            @RequestBody String body) {
        return new Answer(true, callbacks.receive(provider, headers, body));
    }
}
