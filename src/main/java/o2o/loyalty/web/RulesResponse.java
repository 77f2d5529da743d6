package o2o.loyalty.web;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.loyalty.RedemptionRules;

@Schema(name = "PointsSpendingRulesResponse")
record RulesResponse(int pointsPerYuanOff, int capPercent, long minPointsPerUse, long pointsStep) {

    static RulesResponse of(RedemptionRules rules) {
        return new RulesResponse(rules.pointsPerYuanOff(), rules.capPercent(), rules.minPointsPerUse(), rules.step());
    }
}
