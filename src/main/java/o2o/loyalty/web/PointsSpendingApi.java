package o2o.loyalty.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.Customers;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.PointsSpending;
import o2o.loyalty.RedemptionRules;
import o2o.shared.InvalidInput;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Spending points")
class PointsSpendingApi {

    private final PointsSpending spending;
    private final Customers customers;

    PointsSpendingApi(PointsSpending spending, Customers customers) {
        this.spending = spending;
        this.customers = customers;
    }

    @GetMapping("/api/v1/merchant/points-program/redemption")
    RulesResponse rules(StaffPrincipal staff) {
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers see the redemption rules");
        return RulesResponse.of(spending.rulesFor(staff));
    }

    @PutMapping("/api/v1/merchant/points-program/redemption")
    RulesResponse change(StaffPrincipal staff, @Valid @RequestBody RulesRequest request) {
        return RulesResponse.of(spending.changeRules(staff, new RedemptionRules(request.pointsPerYuanOff(),
                request.capPercent(), request.minPointsPerUse())));
    }

    /** Takes points off a member's bill at the counter. The Idempotency-Key header is required. */
    @PostMapping("/api/v1/merchant/points/redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    CounterResponse redeem(StaffPrincipal staff,
            @Parameter(required = true) @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody CounterRequest request) {
        var customerId = customerOf(request.phone(), request.customerId());
        var redemption = spending.redeemAtCounter(staff, customerId, request.points(), idempotencyKey,
                request.note() == null ? "" : request.note());
        return new CounterResponse(redemption.customerId(), redemption.points(), redemption.value(),
                redemption.balance());
    }

    private UUID customerOf(@Nullable String phone, @Nullable UUID customerId) {
        if (customerId != null) return customerId;
        if (phone == null || phone.isBlank()) throw new InvalidInput("phone", "a phone number or a customerId");
        return customers.byPhone(PhoneNumber.parse(phone)).orElseThrow(() -> Problem.notFound("member")).customerId();
    }
}
