package o2o.parking.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.parking.FeeRules;
import o2o.parking.ParkingRules;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The mall operator's parking fee rules (its merchant's owners and managers). Amounts in fen. */
@RestController
@Tag(name = "Mall operator")
class ParkingRulesApi {

    private final FeeRules rules;

    ParkingRulesApi(FeeRules rules) {
        this.rules = rules;
    }

    /**
     * Free minutes, the price of a started hour, the cap of a local day, the minutes a paid car has to leave, the
     * spend at tenants that gives a free hour and the most hours it gives, and the free hours per tier name.
     */
    record RulesBody(@Nullable Integer freeMinutes, @Nullable Long hourlyMinor, @Nullable Long dailyCapMinor,
            @Nullable Integer graceMinutes, @Nullable Long spendPerFreeHourMinor, @Nullable Integer maxPurchaseFreeHours,
            @Nullable Map<String, Integer> tierFreeHours) {

        static RulesBody of(ParkingRules r) {
            return new RulesBody(r.freeMinutes(), r.hourlyMinor(), r.dailyCapMinor(), r.graceMinutes(),
                    r.spendPerFreeHourMinor(), r.maxPurchaseFreeHours(), r.tierFreeHours());
        }

        ParkingRules rules() {
            return new ParkingRules(need("freeMinutes", freeMinutes), need("hourlyMinor", hourlyMinor),
                    need("dailyCapMinor", dailyCapMinor), need("graceMinutes", graceMinutes),
                    need("spendPerFreeHourMinor", spendPerFreeHourMinor),
                    need("maxPurchaseFreeHours", maxPurchaseFreeHours),
                    tierFreeHours == null ? Map.of() : tierFreeHours);
        }

        private static <T> T need(String field, @Nullable T value) {
            if (value == null) throw new InvalidInput(field, "is required", "input.required");
            return value;
        }
    }

    @GetMapping("/api/v1/merchant/mall/parking/rules")
    RulesBody rules(StaffPrincipal staff) {
        return RulesBody.of(rules.rulesFor(staff));
    }

    @PutMapping("/api/v1/merchant/mall/parking/rules")
    RulesBody change(StaffPrincipal staff, @RequestBody(required = false) @Nullable RulesBody body) {
        if (body == null) throw new InvalidInput("body", "is required", "input.required");
        return RulesBody.of(rules.change(staff, body.rules()));
    }
}
