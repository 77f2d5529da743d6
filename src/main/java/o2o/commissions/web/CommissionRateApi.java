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
import o2o.commissions.CommissionRate;
import o2o.commissions.CommissionRates;
import o2o.commissions.RateChange;
import o2o.commissions.Taker;
import o2o.identity.StaffPrincipal;
import o2o.shared.MerchantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's commission rates: the platform's, and those of merchants that take commission of others (malls). */
@RestController
@Tag(name = "Commission")
class CommissionRateApi {

    private static final String RATES = "/api/v1/admin/commission-rates";

    private final CommissionRates rates;
    private final java.time.Clock clock;

    CommissionRateApi(CommissionRates rates, java.time.Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    /**
     * A rate: {@code takerMerchantId} null for the platform; {@code merchantId} or {@code category} (one of the two);
     * {@code rateBps} in basis points (100 = 1%); {@code validFrom} the first day (Shanghai), default today.
     */
    @Schema(name = "CommissionRateRequest")
    record RateRequest(@Nullable UUID takerMerchantId, @Nullable UUID merchantId, @Nullable @Size(max = 50) String category,
            @NotNull @Min(0) @Max(RateChange.MAX_BPS) Integer rateBps, @Nullable LocalDate validFrom) {}

    @Schema(name = "CommissionRate")
    record RateResponse(UUID id, String taker, @Nullable UUID takerMerchantId, @Nullable UUID merchantId,
            @Nullable String category, int rateBps, LocalDate validFrom) {

        static RateResponse of(CommissionRate r) {
            return new RateResponse(r.id(), r.taker().key(), r.taker().merchantId(),
                    r.merchant() == null ? null : r.merchant().value(), r.category(), r.rateBps(), r.validFrom());
        }
    }

    @GetMapping(RATES)
    @Operation(summary = "Every commission rate: the platform's first, then each taker merchant's")
    @ApiResponse(responseCode = "200", description = "The rates")
    List<RateResponse> list(StaffPrincipal operator) {
        return rates.all(operator).stream().map(RateResponse::of).toList();
    }

    @PutMapping(RATES)
    @Operation(summary = "Set a rate of a taker (the platform, or takerMerchantId) for one merchant or one category "
            + "from a day: the rate already set for that taker, subject and day changes; orders paid from that day "
            + "(Shanghai) are charged at it. A merchant's own rate wins over its category's; a taker merchant names "
            + "a category only if it runs a mall (its tenants' category there). 400 for a rate over 5000, an unknown "
            + "merchant, or both or neither subject")
    @ApiResponse(responseCode = "200", description = "The rate as set")
    RateResponse set(StaffPrincipal operator, @Valid @RequestBody RateRequest request) {
        var change = change(request.merchantId(), request.category(), request.rateBps(), request.validFrom(), clock);
        return RateResponse.of(rates.set(operator, Taker.of(request.takerMerchantId()), change));
    }

    /** A rate as requested, for one merchant or one category, from {@code validFrom} or today in Shanghai. */
    static RateChange change(@Nullable UUID merchantId, @Nullable String category, int rateBps,
            @Nullable LocalDate validFrom, java.time.Clock clock) {
        return new RateChange(merchantId == null ? null : new MerchantId(merchantId), category, rateBps,
                validFrom != null ? validFrom : LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))));
    }

    @DeleteMapping(RATES + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a rate; orders already charged keep their commission, and their refunds give it back")
    @ApiResponse(responseCode = "204", description = "Removed")
    void remove(StaffPrincipal operator, @PathVariable UUID id) {
        rates.remove(operator, id);
    }
}
