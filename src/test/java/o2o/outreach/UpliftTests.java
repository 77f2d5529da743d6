package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * On synthetic members with a known effect, the uplift's 95 % interval holds the true effect; over many draws it
 * holds it about 95 % of the time; with no effect it rarely claims one.
 */
class UpliftTests {

    /** Members who buy with a chance, and then spend an exponential amount around a mean (minor units). */
    private static List<Uplift.Outcome> members(Random random, int n, double conversion, double meanSpend) {
        var outcomes = new ArrayList<Uplift.Outcome>(n);
        for (int i = 0; i < n; i++) {
            boolean bought = random.nextDouble() < conversion;
            long spend = bought ? Math.round(-Math.log(1 - random.nextDouble()) * meanSpend) : 0;
            outcomes.add(new Uplift.Outcome(bought, spend));
        }
        return outcomes;
    }

    @Test
    void aKnownEffectLiesWithinItsInterval() {
        var random = new Random(15);
        // treated: 30 % buy, ¥80 on average; held out: 22 % buy, ¥80 on average
        var uplift = Uplift.of(members(random, 9_000, 0.30, 8_000), members(random, 1_000, 0.22, 8_000));
        assertThat(uplift.conversion().low()).isLessThan(0.08);
        assertThat(uplift.conversion().high()).isGreaterThan(0.08);
        assertThat(uplift.conversion().low()).as("an effect this size is seen").isGreaterThan(0);
        double trueSpendUplift = 0.30 * 8_000 - 0.22 * 8_000;
        assertThat(uplift.spendPerMember().low()).isLessThan(trueSpendUplift);
        assertThat(uplift.spendPerMember().high()).isGreaterThan(trueSpendUplift);
        assertThat(uplift.incrementalRevenue().estimate())
                .isEqualTo(uplift.spendPerMember().estimate() * 9_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(uplift.treated().members()).isEqualTo(9_000);
        assertThat(uplift.holdout().members()).isEqualTo(1_000);
    }

    @Test
    void theIntervalHoldsTheTrueEffectAboutNinetyFivePercentOfTheTime() {
        var random = new Random(2026);
        int draws = 400;
        int covered = 0;
        int claimedWithoutEffect = 0;
        for (int i = 0; i < draws; i++) {
            var uplift = Uplift.of(members(random, 2_000, 0.25, 5_000), members(random, 400, 0.20, 5_000));
            var c = uplift.conversion();
            if (c.low() <= 0.05 && 0.05 <= c.high()) covered++;
            var none = Uplift.of(members(random, 2_000, 0.20, 5_000), members(random, 400, 0.20, 5_000));
            if (none.conversion().significant()) claimedWithoutEffect++;
        }
        assertThat(covered).as("draws whose interval held the effect").isBetween(draws * 91 / 100, draws * 99 / 100);
        assertThat(claimedWithoutEffect).as("draws that saw an effect where there was none")
                .isLessThanOrEqualTo(draws * 6 / 100);
    }

    @Test
    void tooFewMembersGiveNoInterval() {
        var uplift = Uplift.of(List.of(new Uplift.Outcome(true, 100)), List.of());
        assertThat(uplift.conversion().low()).isNull();
        assertThat(uplift.spendPerMember().significant()).isFalse();
        assertThat(Uplift.of(List.of(), List.of()).treated().conversionRate()).isZero();
    }

    @Test
    void theHoldoutIsDeterministicAndCloseToItsShare() {
        var holdout = new Holdout(10);
        var campaign = java.util.UUID.randomUUID();
        int held = 0;
        for (int i = 0; i < 20_000; i++) {
            var member = new o2o.shared.CustomerId(java.util.UUID.randomUUID());
            boolean first = holdout.holdsOut(campaign, member);
            assertThat(holdout.holdsOut(campaign, member)).isEqualTo(first);
            if (first) held++;
        }
        assertThat(held).isBetween(1_800, 2_200);
        assertThat(new Holdout(0).holdsOut(campaign, new o2o.shared.CustomerId(java.util.UUID.randomUUID()))).isFalse();
    }

    @Test
    void quietHoursRunFromNineAtNightToNineInTheMorningInChina() {
        var evening = java.time.ZonedDateTime.of(2026, 12, 7, 21, 0, 0, 0, QuietHours.ZONE).toInstant();
        assertThat(QuietHours.at(evening)).isTrue();
        assertThat(QuietHours.at(evening.minusSeconds(1))).isFalse();
        var morning = java.time.ZonedDateTime.of(2026, 12, 8, 9, 0, 0, 0, QuietHours.ZONE).toInstant();
        assertThat(QuietHours.at(morning.minusSeconds(1))).isTrue();
        assertThat(QuietHours.at(morning)).isFalse();
        assertThat(QuietHours.endAfter(evening)).isEqualTo(morning);
        assertThat(QuietHours.endAfter(morning.minusSeconds(3600))).isEqualTo(morning);
    }
}
