package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class TierLevelsTests {

    private static Tier level(String name, long threshold) {
        return new Tier(0, name, threshold, 5, 100);
    }

    private static String fieldOf(Runnable attempt) {
        try {
            attempt.run();
        } catch (InvalidInput invalid) {
            return invalid.field();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void levelsAreRankedInTheOrderGivenWithNamesStripped() {
        var checked = TierLevels.of("SPEND", 30, List.of(level(" 银卡 ", 100), level("金卡", 500)));
        assertThat(checked.basis()).isEqualTo(TierBasis.SPEND);
        assertThat(checked.periodDays()).isEqualTo(30);
        assertThat(checked.levels()).containsExactly(new Tier(1, "银卡", 100, 5, 100), new Tier(2, "金卡", 500, 5, 100));
    }

    @Test
    void noLevelsAndNoPeriodAreAllowed() {
        assertThat(TierLevels.of("POINTS", null, List.of()).levels()).isEmpty();
    }

    @Test
    void eachRuleNamesTheFieldItRejects() {
        assertThat(fieldOf(() -> TierLevels.of("VIBES", null, List.of()))).isEqualTo("basis");
        assertThat(fieldOf(() -> TierLevels.of("POINTS", 0, List.of()))).isEqualTo("periodDays");
        assertThat(fieldOf(() -> TierLevels.of("POINTS", 3661, List.of()))).isEqualTo("periodDays");
        assertThat(fieldOf(() -> TierLevels.of("POINTS", null, Collections.nCopies(11, level("a", 1)))))
                .isEqualTo("levels");
        assertThat(fieldOf(() -> TierLevels.of("POINTS", null, List.of(level(" ", 1))))).isEqualTo("levels[0].name");
        assertThat(fieldOf(() -> TierLevels.of("POINTS", null, List.of(level("a", 1), level("a ", 2)))))
                .isEqualTo("levels[1].name");
        assertThat(fieldOf(() -> TierLevels.of("POINTS", null, List.of(level("a", 5), level("b", 5)))))
                .isEqualTo("levels[1].threshold");
        assertThat(fieldOf(() -> TierLevels.of("POINTS", null, List.of(new Tier(0, "a", 1, 101, 100)))))
                .isEqualTo("levels[0].discountPercent");
        assertThat(fieldOf(() -> TierLevels.of("POINTS", null, List.of(new Tier(0, "a", 1, 0, 99)))))
                .isEqualTo("levels[0].pointsMultiplierPercent");
    }

    @Test
    void basisIsOnlyPointsOrSpend() {
        assertThat(TierBasis.parse("POINTS")).isEqualTo(TierBasis.POINTS);
        assertThatThrownBy(() -> TierBasis.parse("spend")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void spendThresholdsAreWholeYuanAgainstFen() {
        var levels = List.of(new Tier(1, "银卡", 100, 5, 100), new Tier(2, "金卡", 500, 10, 150));
        var spend = new TierRules(UUID.randomUUID(), TierBasis.SPEND, null, levels);
        assertThat(spend.rankReachedBy(9_999)).isZero();
        assertThat(spend.rankReachedBy(10_000)).isEqualTo(1);
        assertThat(spend.rankReachedBy(50_000)).isEqualTo(2);
        var points = new TierRules(UUID.randomUUID(), TierBasis.POINTS, null, levels);
        assertThat(points.rankReachedBy(99)).isZero();
        assertThat(points.rankReachedBy(500)).isEqualTo(2);
    }

    @Test
    void rankZeroHasNoName() {
        var rules = new TierRules(UUID.randomUUID(), TierBasis.POINTS, null, List.of(new Tier(1, "银卡", 100, 5, 100)));
        assertThat(rules.nameOf(0)).isNull();
        assertThat(rules.nameOf(1)).isEqualTo("银卡");
    }
}
