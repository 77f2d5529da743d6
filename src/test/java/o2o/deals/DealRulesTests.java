package o2o.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.merchants.OpeningHours;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;

class DealRulesTests {

    private static final Instant STARTS = Instant.parse("2026-12-06T00:00:00Z");
    private static final Instant ENDS = STARTS.plus(Duration.ofDays(7));

    @Test
    void aDealIsBoughtOnlyWhileItIsActiveAndOnSale() {
        deal(true, 2).requireOnSale(STARTS);
        deal(true, 2).requireOnSale(ENDS.minusSeconds(1));
        assertRefused(() -> deal(true, 2).requireOnSale(STARTS.minusSeconds(1)), "deal-not-on-sale");
        assertRefused(() -> deal(true, 2).requireOnSale(ENDS), "deal-not-on-sale");
        assertRefused(() -> deal(false, 2).requireOnSale(STARTS), "deal-not-on-sale");
    }

    @Test
    void anOrderHoldsNoMoreUnitsThanOneCustomerMayBuy() {
        deal(true, 2).requireWithinLimit(2);
        deal(true, null).requireWithinLimit(20);
        assertRefused(() -> deal(true, 2).requireWithinLimit(3), "deal-limit-reached");
    }

    private static void assertRefused(Runnable rule, String type) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.slug()).isEqualTo(type));
    }

    private static Deal deal(boolean active, Integer perCustomerLimit) {
        var terms = new DealTerms("双人套餐", "", List.of(), Money.cny(9900), Money.cny(12800), Set.of(UUID.randomUUID()),
                STARTS, ENDS, STARTS, ENDS.plus(Duration.ofDays(30)), OpeningHours.fromColumn(new String[0]),
                perCustomerLimit, 100, RefundPolicy.values()[0], false);
        return new Deal(UUID.randomUUID(), UUID.randomUUID(), terms, 100, active, STARTS);
    }
}
