package o2o.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VoucherRulesTests {

    private static final Instant REDEEMED = Instant.parse("2026-12-06T04:00:00Z");

    @ParameterizedTest
    @EnumSource(Voucher.Status.class)
    void onlyAnIssuedVoucherIsRedeemed(Voucher.Status status) {
        var voucher = voucher(status);
        if (status == Voucher.Status.ISSUED) {
            voucher.requireIssued();
        } else {
            assertThatThrownBy(voucher::requireIssued).isInstanceOfSatisfying(Problem.class, p -> {
                assertThat(p.slug()).isEqualTo("voucher-not-redeemable");
                assertThat(p.properties()).containsEntry("voucherStatus", status.name());
            });
        }
    }

    @Test
    void aRedemptionIsReversedOnceAndOnlyWithinTheWindow() {
        var window = Duration.ofMinutes(30);
        redemption(null).requireReversibleAt(REDEEMED.plus(window), window);
        assertThatThrownBy(() -> redemption(null).requireReversibleAt(REDEEMED.plus(window).plusSeconds(1), window))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.slug()).isEqualTo("reversal-window-over"));
        assertThatThrownBy(() -> redemption(REDEEMED.plusSeconds(5)).requireReversibleAt(REDEEMED, window))
                .isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.slug()).isEqualTo("redemption-already-reversed"));
    }

    @Test
    void anUnevenTotalIsSharedOutToTheFirstUnitsFenByFen() {
        assertThat(VoucherIssuing.shares(Money.cny(1000), 3)).containsExactly(Money.cny(334), Money.cny(333),
                Money.cny(333));
        assertThat(VoucherIssuing.shares(Money.cny(0), 2)).containsExactly(Money.cny(0), Money.cny(0));
    }

    private static Voucher voucher(Voucher.Status status) {
        return new Voucher(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "双人套餐", VoucherCode.random(), status, Money.cny(9900), REDEEMED,
                REDEEMED.plus(Duration.ofDays(30)), REDEEMED, null, null);
    }

    private static Redemption redemption(Instant reversedAt) {
        return new Redemption(UUID.randomUUID(), UUID.randomUUID(), "123456789012", UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "counter", REDEEMED, reversedAt, "双人套餐");
    }
}
