package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import o2o.coupons.CouponTerms;
import o2o.coupons.WalletCoupon;
import o2o.shared.Money;
import o2o.tableorders.TableBill.Status;
import org.junit.jupiter.api.Test;

/** A payer's coupon fits a share only when it is theirs to use here and now, and takes off at most what is left. */
class ShareCouponsTests {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final UUID MERCHANT = UUID.randomUUID();
    private static final UUID STORE = UUID.randomUUID();
    private static final TableBill BILL = new TableBill(UUID.randomUUID(), MERCHANT, STORE, UUID.randomUUID(),
            UUID.randomUUID(), Status.OPEN, Bill.Split.WHOLE, 1, Money.cny(5000), NOW, null);

    @Test
    void anAvailableCouponOfTheMerchantValidNowAndReachedFitsWithItsDiscount() {
        var fit = ShareCoupons.fit(coupon(MERCHANT, Set.of(), WalletCoupon.Status.AVAILABLE, 1000, NOW), BILL, NOW,
                Money.cny(3000));

        assertThat(fit).hasValueSatisfying(c -> assertThat(c.discount()).isEqualTo(Money.cny(500)));
    }

    @Test
    void aCouponUsedReservedOrOfAnotherMerchantDoesNotFit() {
        assertThat(ShareCoupons.fit(coupon(MERCHANT, Set.of(), WalletCoupon.Status.USED, 0, NOW), BILL, NOW,
                Money.cny(3000))).isEmpty();
        assertThat(ShareCoupons.fit(coupon(MERCHANT, Set.of(), WalletCoupon.Status.RESERVED, 0, NOW), BILL, NOW,
                Money.cny(3000))).isEmpty();
        assertThat(ShareCoupons.fit(coupon(UUID.randomUUID(), Set.of(), WalletCoupon.Status.AVAILABLE, 0, NOW), BILL,
                NOW, Money.cny(3000))).isEmpty();
    }

    @Test
    void aCouponForOtherStoresOrOutsideItsDatesDoesNotFit() {
        assertThat(ShareCoupons.fit(coupon(MERCHANT, Set.of(UUID.randomUUID()), WalletCoupon.Status.AVAILABLE, 0,
                NOW), BILL, NOW, Money.cny(3000))).isEmpty();
        assertThat(ShareCoupons.fit(coupon(MERCHANT, Set.of(STORE), WalletCoupon.Status.AVAILABLE, 0, NOW), BILL,
                NOW, Money.cny(3000))).isPresent();
        assertThat(ShareCoupons.fit(coupon(MERCHANT, Set.of(), WalletCoupon.Status.AVAILABLE, 0, NOW.plusSeconds(1)),
                BILL, NOW, Money.cny(3000))).isEmpty();
        assertThat(ShareCoupons.fit(coupon(MERCHANT, Set.of(), WalletCoupon.Status.AVAILABLE, 0,
                NOW.minusSeconds(86_400)), BILL, NOW, Money.cny(3000))).isEmpty();
    }

    @Test
    void aCouponWhoseMinimumSpendIsNotReachedOrNothingLeftDoesNotFit() {
        assertThat(ShareCoupons.fit(coupon(MERCHANT, Set.of(), WalletCoupon.Status.AVAILABLE, 3001, NOW), BILL, NOW,
                Money.cny(3000))).isEmpty();
        assertThat(ShareCoupons.fit(coupon(MERCHANT, Set.of(), WalletCoupon.Status.AVAILABLE, 0, NOW), BILL, NOW,
                Money.cny(0))).isEmpty();
    }

    /** A ¥5 off coupon valid for a day from {@code from}. */
    private static WalletCoupon coupon(UUID merchant, Set<UUID> stores, WalletCoupon.Status status, long minSpend,
            Instant from) {
        var terms = new CouponTerms("5 off", CouponTerms.Kind.AMOUNT_OFF, Money.cny(500), null, null,
                Money.cny(minSpend), stores, 100, 1, from, from.plusSeconds(86_400));
        return new WalletCoupon(UUID.randomUUID(), UUID.randomUUID(), merchant, "5 off", terms, status, null, NOW, null);
    }
}
