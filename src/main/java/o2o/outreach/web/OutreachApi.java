package o2o.outreach.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.outreach.OutreachResults;
import o2o.outreach.Outreaches;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns that reach members: targeted sends, journeys, their holdout results, and the frequency cap. */
@RestController
@Tag(name = "Outreach")
class OutreachApi {

    private final Outreaches outreaches;
    private final OutreachResults results;

    OutreachApi(Outreaches outreaches, OutreachResults results) {
        this.outreaches = outreaches;
        this.results = results;
    }

    @PutMapping("/api/v1/merchant/campaigns/{id}/outreach")
    @Operation(summary = "Set how the campaign reaches members: a send to a segment (now or at sendAt) or a journey; "
            + "an offer (coupon, bonus points, stored value) and/or a message (SMS, in-app); the share held out. "
            + "201 when new, 200 when changed; 409 once a send has started")
    @ApiResponse(responseCode = "201", description = "The campaign reaches members from now")
    @ApiResponse(responseCode = "200", description = "The campaign's way of reaching members, changed")
    ResponseEntity<OutreachResponse> plan(StaffPrincipal staff, @PathVariable UUID id,
            @RequestBody OutreachRequest request) {
        var planned = outreaches.plan(staff, id, request.toPlan());
        return ResponseEntity.status(planned.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(OutreachResponse.of(planned.view()));
    }

    @GetMapping("/api/v1/merchant/campaigns/{id}/outreach")
    @Operation(summary = "How the campaign reaches members and how far it got")
    OutreachResponse one(StaffPrincipal staff, @PathVariable UUID id) {
        return OutreachResponse.of(outreaches.find(staff, id));
    }

    @PostMapping("/api/v1/merchant/campaigns/{id}/outreach/pause")
    @Operation(summary = "Pause a journey: nobody new is taken in")
    OutreachResponse pause(StaffPrincipal staff, @PathVariable UUID id) {
        return OutreachResponse.of(outreaches.setActive(staff, id, false));
    }

    @PostMapping("/api/v1/merchant/campaigns/{id}/outreach/resume")
    @Operation(summary = "Resume a paused journey")
    OutreachResponse resume(StaffPrincipal staff, @PathVariable UUID id) {
        return OutreachResponse.of(outreaches.setActive(staff, id, true));
    }

    @GetMapping("/api/v1/merchant/campaigns/{id}/uplift")
    @Operation(summary = "Treated against held out since each member was taken in, over the attribution window: "
            + "conversion and spend per member, the uplift with its 95% confidence interval, incremental revenue "
            + "and ROI beside the attributed ones")
    UpliftResponse uplift(StaffPrincipal staff, @PathVariable UUID id) {
        return UpliftResponse.of(results.of(staff, id));
    }

    @GetMapping("/api/v1/merchant/outreach")
    @Operation(summary = "The merchant's targeted sends (journeys=false, default) or journeys, newest first")
    Map<String, List<OutreachResponse>> list(StaffPrincipal staff,
            @RequestParam(defaultValue = "false") boolean journeys) {
        return Map.of("items", outreaches.list(staff, journeys).stream().map(OutreachResponse::of).toList());
    }

    @GetMapping("/api/v1/merchant/outreach/settings")
    @Operation(summary = "The frequency cap: at most one marketing message per member per capDays days")
    Map<String, Integer> settings(StaffPrincipal staff) {
        return Map.of("capDays", outreaches.capDays(staff));
    }

    @PutMapping("/api/v1/merchant/outreach/settings")
    @Operation(summary = "Set the frequency cap, 0-90 days (0: no cap)")
    Map<String, Integer> setSettings(StaffPrincipal staff, @RequestBody @Nullable Map<String, Integer> body) {
        var days = body == null ? null : body.get("capDays");
        if (days == null) throw new InvalidInput("capDays", "is required", "input.required");
        return Map.of("capDays", outreaches.setCapDays(staff, days));
    }
}
