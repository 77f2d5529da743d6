package o2o.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import o2o.coupons.WalletCoupon.Status;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;

class WalletCouponTests {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-31T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final UUID merchant = UUID.randomUUID();
    private final UUID store = UUID.randomUUID();

    private CouponTerms tenOffFrom(long minSpendMinor, Set<UUID> stores) {
        return new CouponTerms("满50减10", CouponTerms.Kind.AMOUNT_OFF, Money.cny(1000), null, null,
                Money.cny(minSpendMinor), stores, 100, 1, FROM, UNTIL);
    }

    private WalletCoupon coupon(Status status, Set<UUID> stores) {
        return new WalletCoupon(UUID.randomUUID(), UUID.randomUUID(), merchant, "满50减10", tenOffFrom(5000, stores),
                status, null, FROM);
    }

    @Test
    void anAvailableCouponIsHeldOnlyForAnOrder() {
        assertThat(Status.AVAILABLE.canBecome(Status.RESERVED)).isTrue();
        assertThat(Status.AVAILABLE.canBecome(Status.USED)).isFalse();
        assertThat(Status.AVAILABLE.canBecome(Status.AVAILABLE)).isFalse();
    }

    @Test
    void aHeldCouponIsUsedOrGoesBackToTheWallet() {
        assertThat(Status.RESERVED.canBecome(Status.USED)).isTrue();
        assertThat(Status.RESERVED.canBecome(Status.AVAILABLE)).isTrue();
        assertThat(Status.RESERVED.canBecome(Status.RESERVED)).isFalse();
    }

    @Test
    void aUsedCouponMovesNoMore() {
        for (var next : Status.values()) assertThat(Status.USED.canBecome(next)).isFalse();
    }

    @Test
    void anAvailableCouponTakesItsAmountOffAQualifyingOrder() {
        assertThat(coupon(Status.AVAILABLE, Set.of()).discountFor(merchant, Set.of(store), Money.cny(6000), NOW))
                .isEqualTo(Money.cny(1000));
    }

    @Test
    void aCouponHeldOrUsedIsNotHeldAgain() {
        for (var status : Set.of(Status.RESERVED, Status.USED)) {
            assertThatThrownBy(() -> coupon(status, Set.of()).discountFor(merchant, Set.of(store), Money.cny(6000), NOW))
                    .isInstanceOf(Problem.class).hasMessageContaining("already used or held");
        }
    }

    @Test
    void aCouponIsForItsMerchantAndStores() {
        var coupon = coupon(Status.AVAILABLE, Set.of(store));
        assertThatThrownBy(() -> coupon.discountFor(UUID.randomUUID(), Set.of(store), Money.cny(6000), NOW))
                .hasMessageContaining("another merchant or store");
        assertThatThrownBy(() -> coupon.discountFor(merchant, Set.of(UUID.randomUUID()), Money.cny(6000), NOW))
                .hasMessageContaining("another merchant or store");
    }

    @Test
    void aCouponIsUsedOnlyWhileValidAndFromItsMinimumSpend() {
        var coupon = coupon(Status.AVAILABLE, Set.of());
        assertThatThrownBy(() -> coupon.discountFor(merchant, Set.of(store), Money.cny(6000), FROM.minusSeconds(1)))
                .hasMessageContaining("not valid now");
        assertThatThrownBy(() -> coupon.discountFor(merchant, Set.of(store), Money.cny(6000), UNTIL))
                .hasMessageContaining("not valid now");
        assertThatThrownBy(() -> coupon.discountFor(merchant, Set.of(store), Money.cny(4999), NOW))
                .hasMessageContaining("minimum spend");
    }

    @Test
    void aTemplateGivesOutWhileActiveAndUnexpired() {
        var template = new CouponTemplate(UUID.randomUUID(), merchant, tenOffFrom(0, Set.of()), 100, true);
        assertThat(template.givesOutAt(NOW)).isTrue();
        assertThat(template.claimableAt(NOW)).isFalse();
        assertThat(template.givesOutAt(UNTIL)).isFalse();
        assertThat(new CouponTemplate(template.id(), merchant, template.terms(), 0, false).givesOutAt(NOW)).isFalse();
    }
}
