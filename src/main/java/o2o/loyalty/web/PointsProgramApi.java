package o2o.loyalty.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.Loyalty;
import o2o.loyalty.MemberTier;
import o2o.loyalty.PointsProgram;
import o2o.loyalty.ProgramRules;
import o2o.loyalty.Settlement;
import o2o.loyalty.SettlementReport;
import o2o.loyalty.TierRules;
import o2o.loyalty.Tiers;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The points program: its earn rules and tiers (owners and managers of the program's owner merchant change them),
 * the settlement of a shared program, the operator's group programs, and a member's own tier.
 */
@RestController
@Tag(name = "Points program")
class PointsProgramApi {

    private final PointsProgram programs;
    private final Tiers tiers;
    private final Settlement settlement;
    private final Loyalty loyalty;

    PointsProgramApi(PointsProgram programs, Tiers tiers, Settlement settlement, Loyalty loyalty) {
        this.programs = programs;
        this.tiers = tiers;
        this.settlement = settlement;
        this.loyalty = loyalty;
    }

    @GetMapping("/api/v1/merchant/points-program")
    ProgramRules rules(StaffPrincipal staff) {
        return programs.rulesFor(staff);
    }

    @PutMapping("/api/v1/merchant/points-program")
    ProgramRules update(StaffPrincipal staff, @RequestBody Rules rules) {
        return programs.update(staff, rules.requiredName(), rules.requiredRate(), rules.rates(), rules.events(),
                rules.policy());
    }

    @GetMapping("/api/v1/merchant/tiers")
    TierRules tiers(StaffPrincipal staff) {
        return tiers.rulesFor(staff);
    }

    @PutMapping("/api/v1/merchant/tiers")
    TierRules updateTiers(StaffPrincipal staff, @RequestBody TiersRequest body) {
        return tiers.update(staff, body.requiredBasis(), body.periodDays(), body.tiers());
    }

    /** Per merchant of the program: points issued and redeemed in [from, to), and who owes whom. */
    @GetMapping("/api/v1/merchant/points-program/settlement")
    SettlementReport settlement(StaffPrincipal staff, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return settlement.forOwner(staff, ProgramRequests.periodBound("from", from, false),
                ProgramRequests.periodBound("to", to, true));
    }

    @GetMapping("/api/v1/me/memberships/{merchantId}/tier")
    MemberTier myTier(CustomerPrincipal customer, @PathVariable UUID merchantId) {
        loyalty.membership(customer.id(),
                new MerchantId(merchantId)).orElseThrow(() -> Problem.notFound("membership"));
        return tiers.memberTier(customer.id(), new MerchantId(merchantId));
    }

    @PostMapping("/api/v1/admin/points-programs")
    ProgramRules createGroup(@Valid @RequestBody NewGroup group) {
        return programs.createGroup(group.name(), group.ownerMerchantId());
    }

    @GetMapping("/api/v1/admin/points-programs/{id}")
    ProgramRules group(@PathVariable UUID id) {
        return programs.rules(id);
    }

    @PostMapping("/api/v1/admin/points-programs/{id}/merchants")
    ProgramRules addMerchant(@PathVariable UUID id, @Valid @RequestBody AddMerchant add) {
        return programs.addMerchant(id, new MerchantId(add.merchantId()));
    }

    @GetMapping("/api/v1/admin/points-programs/{id}/settlement")
    SettlementReport groupSettlement(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return settlement.report(id, ProgramRequests.periodBound("from", from, false),
                ProgramRequests.periodBound("to", to, true));
    }
}
