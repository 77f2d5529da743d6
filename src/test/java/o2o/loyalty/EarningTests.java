package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class EarningTests {

    @Test
    void aPaidOrderEarnsWholeYuanTimesRateTierAndBonusRoundedDown() {
        assertThat(new Earning(12_999, 1, 100, 100).points()).isEqualTo(129);
        assertThat(new Earning(10_000, 2, 150, 200).points()).isEqualTo(600);
        assertThat(new Earning(99, 1, 100, 100).points()).isZero();
    }

    @Test
    void largeOrdersDoNotOverflowOnTheWay() {
        assertThat(new Earning(Long.MAX_VALUE / 1000, 10, 300, 300).points())
                .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE / 1000).multiply(BigInteger.valueOf(9))
                        .divide(BigInteger.valueOf(10)).longValueExact());
    }

    @Test
    void aRefundTakesBackItsShareOfTheEarnedPointsRoundedDown() {
        assertThat(Earning.refundShare(129, 4_000, 12_999)).isEqualTo(39);
        assertThat(Earning.refundShare(129, 12_999, 12_999)).isEqualTo(129);
        assertThat(Earning.refundShare(0, 500, 1_000)).isZero();
    }
}
