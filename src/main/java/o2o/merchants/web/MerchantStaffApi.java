package o2o.merchants.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.StaffMember;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import o2o.merchants.Team;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant itself and its staff, for its owners and managers (who may change whom: {@link Team}). Disabling an
 * account or resetting its password ends its tokens and console sessions on their next request; a new role or store
 * list applies from the next request.
 */
@RestController
@Tag(name = "Merchant: team")
class MerchantStaffApi {

    static final String NO_CONTROL = "[^\\p{Cntrl}]*";

    private final Team team;
    private final Merchants merchants;

    MerchantStaffApi(Team team, Merchants merchants) {
        this.team = team;
        this.merchants = merchants;
    }

    @GetMapping("/api/v1/merchant/profile")
    Merchant profile(StaffPrincipal staff) {
        return merchants.find(staff.merchantId()).orElseThrow(() -> Problem.notFound("merchant"));
    }

    @GetMapping("/api/v1/merchant/staff")
    @Operation(summary = "The merchant's staff accounts, oldest first (owners and managers)")
    List<StaffMember> staff(StaffPrincipal actor) {
        return team.of(actor);
    }

    @PostMapping("/api/v1/merchant/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a staff account with a role, limited to some of the merchant's stores (none: all)")
    StaffMember hire(StaffPrincipal actor, @Valid @RequestBody Hire hire) {
        return team.hire(actor, hire.username(), hire.password(), hire.displayName(), hire.role(),
                stores(hire.storeIds()));
    }

    @GetMapping("/api/v1/merchant/staff/{id}")
    @Operation(summary = "One staff account of the merchant")
    StaffMember member(StaffPrincipal actor, @PathVariable UUID id) {
        return team.member(actor, id);
    }

    @PutMapping("/api/v1/merchant/staff/{id}")
    @Operation(summary = "Change display name, role and stores; applies from the account's next request")
    StaffMember change(StaffPrincipal actor, @PathVariable UUID id, @Valid @RequestBody Change change) {
        return team.change(actor, id, change.displayName(), change.role(), stores(change.storeIds()));
    }

    @PostMapping("/api/v1/merchant/staff/{id}/password")
    @Operation(summary = "Set a new password; the account's tokens and console sessions end")
    StaffMember resetPassword(StaffPrincipal actor, @PathVariable UUID id, @Valid @RequestBody NewPassword body) {
        return team.resetPassword(actor, id, body.password());
    }

    @PostMapping("/api/v1/merchant/staff/{id}/disable")
    @Operation(summary = "Disable the account: it cannot sign in, and its tokens and sessions end on their next request")
    StaffMember disable(StaffPrincipal actor, @PathVariable UUID id) {
        return team.disable(actor, id);
    }

    @PostMapping("/api/v1/merchant/staff/{id}/enable")
    @Operation(summary = "Enable the account again; it signs in anew (earlier tokens stay void)")
    StaffMember enable(StaffPrincipal actor, @PathVariable UUID id) {
        return team.enable(actor, id);
    }

    private static Set<UUID> stores(@Nullable Set<UUID> storeIds) {
        return storeIds == null ? Set.of() : storeIds;
    }
}
