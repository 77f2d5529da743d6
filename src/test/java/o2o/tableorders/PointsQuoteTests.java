package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import o2o.loyalty.RedemptionRules;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;

/** Points pay a share up to the program's cap and the member's balance, in whole steps, and all of it only exactly. */
class PointsQuoteTests {

    private static final RedemptionRules FEN_A_POINT = new RedemptionRules(100, 100, 0);

    @Test
    void aMemberWithEnoughPointsMayPayAllOfIt() {
        var quote = PointsQuote.of(FEN_A_POINT, 5000, Money.cny(1234));

        assertThat(quote.most()).isEqualTo(1234);
        assertThat(quote.coverAll()).isEqualTo(1234);
        assertThat(quote.balance()).isEqualTo(5000);
    }

    @Test
    void theBalanceLimitsThePointsAndThenTheyCannotCoverAll() {
        var quote = PointsQuote.of(FEN_A_POINT, 1000, Money.cny(1234));

        assertThat(quote.most()).isEqualTo(1000);
        assertThat(quote.coverAll()).isNull();
    }

    @Test
    void theProgramsCapLimitsThePoints() {
        var quote = PointsQuote.of(new RedemptionRules(100, 50, 0), 5000, Money.cny(1000));

        assertThat(quote.most()).isEqualTo(500);
        assertThat(quote.coverAll()).isNull();
    }

    @Test
    void pointsAreUsedInWholeStepsAndCoverAllOnlyWhenTheShareComesOutInWholeSteps() {
        var threeAFen = new RedemptionRules(150, 100, 0);

        assertThat(PointsQuote.of(threeAFen, 1000, Money.cny(200)).coverAll()).isEqualTo(300);
        assertThat(PointsQuote.of(threeAFen, 1000, Money.cny(201)).coverAll()).isNull();
        assertThat(PointsQuote.of(threeAFen, 1000, Money.cny(600)).most() % threeAFen.step()).isZero();
    }

    @Test
    void aShareBelowTheMinimumUseOrWithNothingLeftIsNotCoveredByPoints() {
        assertThat(PointsQuote.of(new RedemptionRules(100, 100, 500), 5000, Money.cny(300)).coverAll()).isNull();
        assertThat(PointsQuote.of(FEN_A_POINT, 5000, Money.cny(0)).coverAll()).isNull();
    }
}
