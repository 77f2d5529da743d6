package o2o.coupons.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.coupons.CouponTerms;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.web.FormValues;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;

/** The coupon form of the merchant console, as typed: amounts in yuan, times as Shanghai wall-clock times. */
record CouponForm(@Nullable String title, @Nullable String kind, @Nullable String amountOff,
        @Nullable String percentOff, @Nullable String maxDiscount, @Nullable String minSpend,
        @Nullable List<UUID> storeIds, @Nullable String totalQuantity, @Nullable String perCustomerLimit,
        @Nullable String validFrom, @Nullable String validUntil) {

    static CouponForm blank(Instant now) {
        return new CouponForm("", CouponTerms.Kind.AMOUNT_OFF.name(), "", "", "", "0", List.of(), "100", "1",
                FormValues.local(now, PageText.ZONE), FormValues.local(now.plus(Duration.ofDays(30)), PageText.ZONE));
    }

    public boolean appliesAt(UUID storeId) {
        return storeIds != null && storeIds.contains(storeId);
    }

    CouponTerms toTerms() {
        CouponTerms.Kind type;
        try {
            type = CouponTerms.Kind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "choose amount off or percent off");
        }
        var amount = type == CouponTerms.Kind.AMOUNT_OFF ? FormValues.money("amountOff", amountOff, Money.CNY) : null;
        var percent = type == CouponTerms.Kind.PERCENT_OFF ? FormValues.optionalNumber("percentOff", percentOff) : null;
        var cap = type == CouponTerms.Kind.PERCENT_OFF ? FormValues.optionalMoney("maxDiscount", maxDiscount, Money.CNY)
                : null;
        var minimum = minSpend == null || minSpend.isBlank() ? Money.cny(0)
                : FormValues.money("minSpend", minSpend, Money.CNY);
        return new CouponTerms(title == null ? "" : title.strip(), type, amount, percent, cap, minimum,
                storeIds == null ? Set.of() : Set.copyOf(storeIds), FormValues.number("totalQuantity", totalQuantity),
                FormValues.number("perCustomerLimit", perCustomerLimit),
                FormValues.instant("validFrom", validFrom, PageText.ZONE),
                FormValues.instant("validUntil", validUntil, PageText.ZONE));
    }
}
