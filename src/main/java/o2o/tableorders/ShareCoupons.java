package o2o.tableorders;

import java.time.Instant;
import java.util.Optional;

import o2o.coupons.WalletCoupon;
import o2o.shared.Money;

/**
 * Which of a payer's coupons fit a share: one of the bill's merchant, available, valid now, for this store (or every
 * store), whose minimum spend what is left after the member discount reaches; it takes at most what is left.
 */
final class ShareCoupons {

    private ShareCoupons() {}

    static Optional<BillPreview.Coupon> fit(WalletCoupon coupon, TableBill bill, Instant now, Money afterMember) {
        var terms = coupon.terms();
        if (coupon.status() != WalletCoupon.Status.AVAILABLE || !coupon.isFor(bill.merchantId())) {
            return Optional.empty();
        }
        if (!terms.storeIds().isEmpty() && !terms.storeIds().contains(bill.storeId())) return Optional.empty();
        if (now.isBefore(terms.validFrom()) || !now.isBefore(terms.validUntil())) return Optional.empty();
        if (afterMember.compareTo(terms.minSpend()) < 0 || afterMember.isZero()) return Optional.empty();
        return Optional.of(new BillPreview.Coupon(coupon.id(), coupon.title(),
                terms.discountOn(afterMember).min(afterMember)));
    }
}
