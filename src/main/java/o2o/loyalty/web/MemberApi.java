package o2o.loyalty.web;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.MemberProfile;
import o2o.loyalty.MemberSummary;
import o2o.loyalty.Members;
import o2o.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's members: registering and looking up at the counter, the member list and a member's profile. */
@RestController
@Tag(name = "Members (merchant)")
class MemberApi {

    private final Members members;

    MemberApi(Members members) {
        this.members = members;
    }

    /** 201 when the customer joined now, 200 when they were a member already (and nothing changed). */
    @PostMapping("/api/v1/merchant/members")
    @ApiResponse(responseCode = "201", description = "The customer joined now")
    @ApiResponse(responseCode = "200", description = "The customer was a member already")
    ResponseEntity<MemberSummary> register(StaffPrincipal staff, @Valid @RequestBody Register request) {
        var registered = members.register(staff, request.phone(), request.name());
        return ResponseEntity.status(registered.joinedNow() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(registered.member());
    }

    /** By exactly one of {@code phone}, {@code qr} (a member QR code, scanned or typed), {@code card} or {@code openid}. */
    @GetMapping("/api/v1/merchant/members/lookup")
    @Parameter(in = ParameterIn.QUERY, name = "phone", description = "the member's mobile number")
    @Parameter(in = ParameterIn.QUERY, name = "qr", description = "a member QR code, scanned or typed")
    @Parameter(in = ParameterIn.QUERY, name = "card", description = "a member card number")
    @Parameter(in = ParameterIn.QUERY, name = "openid", description = "a WeChat openid")
    MemberSummary lookup(StaffPrincipal staff, @Parameter(hidden = true) @RequestParam Map<String, String> by) {
        return members.lookup(staff, by);
    }

    @GetMapping("/api/v1/merchant/members")
    Page<MemberProfile.Listing> list(StaffPrincipal staff, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int limit) {
        return members.list(staff, q, cursor, limit);
    }

    @GetMapping("/api/v1/merchant/members/{customerId}")
    MemberProfile profile(StaffPrincipal staff, @PathVariable UUID customerId) {
        return members.profile(staff, customerId);
    }
}
