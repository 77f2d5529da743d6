package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTests {

    private static Figures of(long orders, long gross, long refunded, long customers, long returning, long repeat) {
        return new Figures(orders, gross, refunded, 0, 0, 0, customers, returning, repeat, 0, 0, 0, 0);
    }

    @Test
    void theAverageTicketIsGrossPerOrderRoundedHalfUp() {
        assertThat(of(3, 1000, 0, 0, 0, 0).averageTicketMinor()).isEqualTo(333);
        assertThat(of(2, 1001, 0, 0, 0, 0).averageTicketMinor()).isEqualTo(501);
        assertThat(of(0, 0, 0, 0, 0, 0).averageTicketMinor()).isZero();
    }

    @Test
    void netIsGrossLessRefundsAndTheRepeatRateIsPerThousandCustomers() {
        var figures = of(10, 5000, 1200, 3, 1, 2);
        assertThat(figures.netMinor()).isEqualTo(3800);
        assertThat(figures.repeatPerMille()).isEqualTo(667);
        assertThat(figures.newCustomers()).isEqualTo(2);
        assertThat(of(0, 0, 0, 0, 0, 0).repeatPerMille()).isZero();
    }
}
