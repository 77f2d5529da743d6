package o2o.merchants.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import o2o.identity.Role;
import o2o.identity.StaffMember;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import o2o.merchants.Team;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The merchant itself and its staff, for its owners and managers. */
@RestController
@Tag(name = "Merchant: team")
class MerchantStaffApi {

    private final Team team;
    private final Merchants merchants;

    MerchantStaffApi(Team team, Merchants merchants) {
        this.team = team;
        this.merchants = merchants;
    }

    record Hire(@NotBlank @Size(min = 3, max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+") String username,
            @NotBlank @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 40) String displayName,
            @NotNull Role role,
            @Nullable Set<UUID> storeIds) {}

    @GetMapping("/api/v1/merchant/profile")
    Merchant profile(StaffPrincipal staff) {
        return merchants.find(staff.merchantId()).orElseThrow(() -> Problem.notFound("merchant"));
    }

    @GetMapping("/api/v1/merchant/staff")
    List<StaffMember> staff(StaffPrincipal actor) {
        return team.of(actor);
    }

    @PostMapping("/api/v1/merchant/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffMember hire(StaffPrincipal actor, @Valid @RequestBody Hire hire) {
        return team.hire(actor, hire.username(), hire.password(), hire.displayName(), hire.role(),
                hire.storeIds() == null ? Set.of() : hire.storeIds());
    }
}
