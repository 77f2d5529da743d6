package o2o.tableorders;

import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What paying a share would cost this payer: the member discount of their tier, the chosen coupon on what is left,
 * then the points; {@code pointsToCoverAll} is what paying entirely with points takes (null when the program's rate,
 * cap or the member's balance do not allow it).
 */
public record BillPreview(UUID shareId, Money subtotal, @Nullable String tierName, int discountPercent,
        Money memberDiscount, @Nullable UUID couponId, Money couponDiscount, long pointsToUse, Money pointsValue,
        Money total, long pointsBalance, long mostPoints, @Nullable Long pointsToCoverAll, Money walletBalance,
        List<Coupon> coupons) {

    public BillPreview {
        coupons = List.copyOf(coupons);
    }

    /** One of the payer's coupons this share could use. */
    public record Coupon(UUID id, String title, Money discount) {}
}
