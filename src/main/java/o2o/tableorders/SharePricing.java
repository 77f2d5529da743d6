package o2o.tableorders;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.coupons.Coupons;
import o2o.loyalty.Loyalty;
import o2o.loyalty.PointsSpending;
import o2o.loyalty.Tier;
import o2o.loyalty.Tiers;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.wallet.StoredValue;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** What a share costs its payer: the member discount of their tier, then a coupon, then points. */
@Component
class SharePricing {

    private final Tiers tiers;
    private final Loyalty loyalty;
    private final PointsSpending points;
    private final Coupons coupons;
    private final StoredValue storedValue;
    private final Clock clock;

    SharePricing(Tiers tiers, Loyalty loyalty, PointsSpending points, Coupons coupons, StoredValue storedValue,
            Clock clock) {
        this.tiers = tiers;
        this.loyalty = loyalty;
        this.points = points;
        this.coupons = coupons;
        this.storedValue = storedValue;
        this.clock = clock;
    }

    /** The member's tier discount on the share, rounded down to the minor unit; zero for non-members. */
    Money memberDiscount(UUID customerId, UUID merchantId, Money amount) {
        int percent = tiers.of(new CustomerId(customerId),
                new MerchantId(merchantId)).map(Tier::discountPercent).orElse(0);
        return new Money(amount.minor() * percent / 100, amount.currency());
    }

    BillPreview price(TableBill bill, BillShare share, UUID customerId, @Nullable UUID couponId, long pointsToUse) {
        var amount = share.amount();
        var currency = amount.currency();
        var payer = new CustomerId(customerId);
        var merchant = new MerchantId(bill.merchantId());
        var tier = tiers.of(payer, merchant);
        var member = memberDiscount(customerId, bill.merchantId(), amount);
        var afterMember = amount.minus(member);
        var usable = usableCoupons(bill, customerId, afterMember);
        var couponDiscount = Money.zero(currency);
        if (couponId != null) {
            couponDiscount = usable.stream().filter(c -> c.id().equals(couponId)).findFirst()
                    .map(BillPreview.Coupon::discount)
                    .orElseThrow(() -> new InvalidInput("couponId", "not one of your coupons usable here"));
        }
        var payable = afterMember.minus(couponDiscount);
        var membership = loyalty.membership(payer, merchant);
        long balance = 0;
        long most = 0;
        Long coverAll = null;
        var pointsValue = Money.zero(currency);
        if (membership.isPresent()) {
            var rules = points.rules(membership.get().programId());
            var quote = PointsQuote.of(rules, loyalty.balance(payer, membership.get().programId()), payable);
            balance = quote.balance();
            most = quote.most();
            coverAll = quote.coverAll();
            if (pointsToUse > 0) {
                if (pointsToUse > most) throw new InvalidInput("pointsToUse", "at most " + most + " points here");
                pointsValue = rules.valueOf(pointsToUse);
            }
        } else if (pointsToUse > 0) {
            throw new Problem(HttpStatus.CONFLICT, "not-a-member", "join the merchant's membership to use points");
        }
        var wallet = storedValue.hasWallet(payer, merchant)
                ? storedValue.balance(payer, merchant).total() : Money.zero(currency);
        return new BillPreview(share.id(), amount, tier.map(Tier::name).orElse(null),
                tier.map(Tier::discountPercent).orElse(0), member, couponId, couponDiscount, pointsToUse, pointsValue,
                payable.minus(pointsValue), balance, most, coverAll, wallet, usable);
    }

    /** The payer's coupons this share could use now, with what each would take off. */
    private List<BillPreview.Coupon> usableCoupons(TableBill bill, UUID customerId, Money afterMember) {
        var now = clock.instant();
        return coupons.wallet(customerId).stream()
                .flatMap(c -> ShareCoupons.fit(c, bill, now, afterMember).stream()).toList();
    }
}
