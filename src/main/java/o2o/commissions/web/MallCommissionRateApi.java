package o2o.commissions.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.commissions.CommissionRates;
import o2o.commissions.RateChange;
import o2o.identity.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The commission a mall takes of its tenants, set by the mall's operator (its merchant's owners and managers). */
@RestController
@Tag(name = "Mall operator")
class MallCommissionRateApi {

    private static final String RATES = "/api/v1/merchant/mall/commission-rates";

    private final CommissionRates rates;
    private final java.time.Clock clock;

    MallCommissionRateApi(CommissionRates rates, java.time.Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    /**
     * A rate of the mall: {@code merchantId} (a tenant merchant) or {@code category} (a category its tenants rent
     * under), one of the two; {@code rateBps} in basis points (100 = 1%); {@code validFrom} the first day (Shanghai),
     * default today.
     */
    @Schema(name = "MallCommissionRateRequest")
    record MallRateRequest(@Nullable UUID merchantId, @Nullable @Size(max = 50) String category,
            @NotNull @Min(0) @Max(RateChange.MAX_BPS) Integer rateBps, @Nullable LocalDate validFrom) {}

    @GetMapping(RATES)
    @Operation(summary = "The rates the operator's mall takes of its tenants")
    @ApiResponse(responseCode = "200", description = "The rates")
    List<CommissionRateApi.RateResponse> list(StaffPrincipal staff) {
        return rates.ofMall(staff).stream().map(CommissionRateApi.RateResponse::of).toList();
    }

    @PutMapping(RATES)
    @Operation(summary = "Set a rate the mall takes of one tenant merchant or of a category its tenants rent under, "
            + "from a day: tenants' orders paid from that day (Shanghai) are charged at it, beside the platform's; a "
            + "tenant's own rate wins over its category's, and a category rate reaches no merchant outside the mall. "
            + "404 for a merchant that is no tenant of the mall; 400 for a category no tenant rents under, a rate over "
            + "5000, or both or neither subject")
    @ApiResponse(responseCode = "200", description = "The rate as set")
    CommissionRateApi.RateResponse set(StaffPrincipal staff, @Valid @RequestBody MallRateRequest request) {
        var change = CommissionRateApi.change(request.merchantId(), request.category(), request.rateBps(),
                request.validFrom(), clock);
        return CommissionRateApi.RateResponse.of(rates.setForMall(staff, change));
    }

    @DeleteMapping(RATES + "/{rateId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove one of the mall's rates (404 for another's); charged orders keep their commission")
    @ApiResponse(responseCode = "204", description = "Removed")
    void remove(StaffPrincipal staff, @PathVariable UUID rateId) {
        rates.removeForMall(staff, rateId);
    }
}
