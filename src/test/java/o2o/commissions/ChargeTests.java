package o2o.commissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import org.junit.jupiter.api.Test;

/** The commission on a total, and what refunds give back of it. */
class ChargeTests {

    private Charge charge(long total, int bps) {
        return Charge.of(new OrderId(UUID.randomUUID()), Taker.PLATFORM, new MerchantId(UUID.randomUUID()), total, bps,
                Instant.now()).orElseThrow();
    }

    @Test
    void commissionIsTheTotalTimesTheRateRoundedHalfToEven() {
        assertThat(Charge.commission(1300, 50)).as("6.5 → 6").isEqualTo(6);
        assertThat(Charge.commission(1100, 50)).as("5.5 → 6").isEqualTo(6);
        assertThat(Charge.commission(3333, 250)).as("83.325 → 83").isEqualTo(83);
        assertThat(Charge.commission(10_000, 5000)).isEqualTo(5000);
        assertThat(Charge.commission(4_000_000_000_000_000_001L, 5000)).as("no overflow, .5 → even")
                .isEqualTo(2_000_000_000_000_000_000L);
        assertThat(Charge.of(new OrderId(UUID.randomUUID()), Taker.PLATFORM, new MerchantId(UUID.randomUUID()), 100, 50,
                Instant.now())).as("0.5 → 0: no charge").isEmpty();
    }

    @Test
    void partialRefundsGiveBackTheirShareOnTheRunningTotalAndAFullRefundTheRest() {
        var c = charge(3000, 1111);
        assertThat(c.commission()).isEqualTo(333);
        var first = c.refund(1000);
        assertThat(first.reversal()).isEqualTo(111);
        var second = first.after().refund(1);
        assertThat(second.reversal()).as("333 × 1001 / 3000 = 111.1 → 111: nothing more yet").isZero();
        var third = second.after().refund(1999);
        assertThat(third.reversal()).isEqualTo(222);
        assertThat(third.after().reversed()).isEqualTo(333);
        assertThat(third.after().refund(500).reversal()).as("never more than was charged").isZero();
    }

    @Test
    void manySmallRefundsNeverGiveBackMoreThanWasCharged() {
        var c = charge(999, 3333);
        long back = 0;
        for (int i = 0; i < 999; i++) {
            var r = c.refund(1);
            back += r.reversal();
            c = r.after();
        }
        assertThat(back).isEqualTo(c.commission()).isEqualTo(333);
    }

    @Test
    void aRateIsZeroToFiveThousandBasisPointsOfOneMerchantOrOneCategory() {
        var day = LocalDate.of(2026, 1, 1);
        var merchant = new MerchantId(UUID.randomUUID());
        assertThatThrownBy(() -> new RateChange(merchant, null, 5001, day)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RateChange(merchant, null, -1, day)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RateChange(merchant, "火锅", 100, day)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RateChange(null, null, 100, day)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RateChange(null, "  ", 100, day)).isInstanceOf(InvalidInput.class);
        assertThat(new RateChange(null, " 火锅 ", 5000, day).category()).isEqualTo("火锅");
    }
}
