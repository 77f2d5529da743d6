package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;

/** Even shares add up exactly to the bill, whatever the amount and the number of diners. */
class BillEvenSharesTests {

    @Test
    void evenSharesAddUpExactlyAndTheRemainderGoesOneFenEachToTheFirstShares() {
        var random = new Random(20261125);
        for (int run = 0; run < 20_000; run++) {
            long amount = run < 1000 ? run + 1 : 1 + (long) (random.nextDouble() * 10_000_000L);
            int parts = 1 + random.nextInt(99);
            var shares = Bills.evenShares(Money.cny(amount), parts);

            assertThat(shares).hasSize(parts);
            assertThat(shares.stream().mapToLong(Money::minor).sum()).as("%d in %d", amount, parts).isEqualTo(amount);
            long base = amount / parts;
            long remainder = amount % parts;
            for (int i = 0; i < parts; i++) {
                assertThat(shares.get(i).minor()).as("%d in %d, share %d", amount, parts, i)
                        .isEqualTo(base + (i < remainder ? 1 : 0));
            }
        }
    }

    @Test
    void aBillIsNotSplitIntoNoShares() {
        assertThatThrownBy(() -> Bills.evenShares(Money.cny(100), 0)).isInstanceOf(InvalidInput.class);
    }
}
