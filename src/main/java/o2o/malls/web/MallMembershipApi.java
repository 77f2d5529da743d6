package o2o.malls.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.CustomerPrincipal;
import o2o.loyalty.Tier;
import o2o.malls.MallId;
import o2o.malls.MallMembership;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer's one membership of a mall: points in its program, tier and progress, and joining. */
@RestController
@Tag(name = "Mall membership")
class MallMembershipApi {

    private final MallMembership membership;

    MallMembershipApi(MallMembership membership) {
        this.membership = membership;
    }

    /**
     * {@code member}: joined at the mall; {@code points}: the balance in the mall's program (earned and spent at any
     * tenant); {@code measure}/{@code needed}: points, or fen of spend, towards {@code next} (null at the top).
     */
    record MembershipResponse(UUID mallId, String mallName, UUID programId, boolean member, long points,
            String basis, @Nullable Tier tier, @Nullable Tier next, long measure, long needed, int progressPercent) {

        static MembershipResponse of(MallMembership.Card card) {
            return new MembershipResponse(card.mall().id().value(), card.mall().name(), card.mall().programId(),
                    card.member(), card.points(), card.basis().name(), card.tier(), card.next(), card.measure(),
                    card.needed(), card.progressPercent());
        }
    }

    @GetMapping("/api/v1/me/malls/{mallId}/membership")
    @ApiResponse(responseCode = "200", description = "the customer's card at the mall")
    @ApiResponse(responseCode = "404", description = "no such mall")
    MembershipResponse card(CustomerPrincipal customer, @PathVariable UUID mallId) {
        return MembershipResponse.of(membership.card(customer.id(), new MallId(mallId)));
    }

    @PostMapping("/api/v1/me/malls/{mallId}/membership")
    @Operation(summary = "Joins the mall's membership; joining again changes nothing")
    @ApiResponse(responseCode = "200", description = "the customer's card at the mall")
    @ApiResponse(responseCode = "404", description = "no such mall")
    MembershipResponse join(CustomerPrincipal customer, @PathVariable UUID mallId) {
        return MembershipResponse.of(membership.join(customer.id(), new MallId(mallId), "online"));
    }
}
