package o2o.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import o2o.coupons.WalletCoupon.Status;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.StoreId;
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
                status, null, FROM, null);
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
        var template = new CouponTemplate(UUID.randomUUID(), merchant, tenOffFrom(0, Set.of()), 100, true, null);
        assertThat(template.givesOutAt(NOW)).isTrue();
        assertThat(template.claimableAt(NOW)).isFalse();
        assertThat(template.givesOutAt(UNTIL)).isFalse();
        assertThat(new CouponTemplate(template.id(), merchant, template.terms(), 0, false, null).givesOutAt(NOW))
                .isFalse();
    }

    @Test
    void aMallCouponIsForItsTenantsAndNotForTheMallItself() {
        var tenant = UUID.randomUUID();
        var tenantStore = UUID.randomUUID();
        var mall = new MallScope(UUID.randomUUID(), "万象城", true, Set.of(tenant));
        var coupon = new WalletCoupon(UUID.randomUUID(), UUID.randomUUID(), merchant, "商场券",
                tenOffFrom(5000, Set.of()), Status.AVAILABLE, null, FROM, mall);
        assertThat(coupon.discountFor(tenant, Set.of(tenantStore), Money.cny(6000), NOW)).isEqualTo(Money.cny(1000));
        assertThat(coupon.usableAt(new MerchantId(tenant), new StoreId(tenantStore), NOW)).isTrue();
        assertThat(coupon.usableAt(new MerchantId(merchant), null, NOW)).as("the mall that issued it").isFalse();
        assertThatThrownBy(() -> coupon.discountFor(merchant, Set.of(store), Money.cny(6000), NOW))
                .hasMessageContaining("another merchant or store");
        assertThatThrownBy(() -> coupon.discountFor(UUID.randomUUID(), Set.of(store), Money.cny(6000), NOW))
                .hasMessageContaining("another merchant or store");
        assertThat(coupon.usableAt(new MerchantId(tenant), new StoreId(tenantStore), UNTIL)).isFalse();
    }

    @Test
    void aMallCouponForChosenStoresIsOnlyForThem() {
        var tenant = UUID.randomUUID();
        var chosen = UUID.randomUUID();
        var mall = new MallScope(UUID.randomUUID(), "万象城", false, Set.of(tenant));
        var coupon = new WalletCoupon(UUID.randomUUID(), UUID.randomUUID(), merchant, "商场券",
                tenOffFrom(0, Set.of(chosen)), Status.AVAILABLE, null, FROM, mall);
        assertThat(coupon.usableAt(new MerchantId(tenant), new StoreId(chosen), NOW)).isTrue();
        assertThat(coupon.usableAt(new MerchantId(tenant), new StoreId(UUID.randomUUID()), NOW)).isFalse();
        assertThatThrownBy(() -> coupon.discountFor(tenant, Set.of(UUID.randomUUID()), Money.cny(6000), NOW))
                .hasMessageContaining("another merchant or store");
        assertThat(new WalletCoupon(coupon.id(), coupon.templateId(), merchant, "商场券", coupon.terms(), Status.USED,
                UUID.randomUUID(), FROM, mall).usableAt(new MerchantId(tenant), new StoreId(chosen), NOW)).isFalse();
    }
}
