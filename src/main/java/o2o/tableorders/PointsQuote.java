package o2o.tableorders;

import o2o.loyalty.RedemptionRules;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a member's points can do for what is left of a share: the most they may use (the program's cap, in whole
 * steps of their balance), and what paying all of it with points takes — null when the rate does not come out in
 * whole points, or the cap, the minimum, the step or the balance do not allow it.
 */
record PointsQuote(long balance, long most, @Nullable Long coverAll) {

    static PointsQuote of(RedemptionRules rules, long balance, Money payable) {
        long affordable = balance - balance % rules.step();
        long most = Math.min(rules.mostPointsFor(payable), affordable);
        long scaled = Math.multiplyExact(payable.minor(), rules.pointsPerYuanOff());
        Long coverAll = null;
        if (payable.minor() > 0 && scaled % 100 == 0) {
            long needed = scaled / 100;
            boolean allowed = needed <= most && needed >= rules.minPointsPerUse() && needed % rules.step() == 0;
            if (allowed) coverAll = needed;
        }
        return new PointsQuote(balance, most, coverAll);
    }
}
