package o2o.malls.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.coupons.CouponTerms;
import o2o.malls.MallCoupons;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.StoreId;
import o2o.shared.web.FormValues;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;

/**
 * The mall console's form to issue a mall coupon, as typed: an amount off (yuan) from a threshold, how many, the
 * times as Shanghai wall-clock times, and every tenant ({@code tenants=ALL}) or the tenant stores ticked.
 */
record MallCouponForm(@Nullable String title, @Nullable String amountOff, @Nullable String minSpend,
        @Nullable String totalQuantity, @Nullable String perCustomerLimit, @Nullable String validFrom,
        @Nullable String validUntil, @Nullable String tenants, @Nullable List<UUID> storeIds) {

    static final String ALL = "ALL";
    static final String CHOSEN = "CHOSEN";

    static MallCouponForm blank(Instant now) {
        return new MallCouponForm("", "", "0", "100", "1", FormValues.local(now, PageText.ZONE),
                FormValues.local(now.plus(Duration.ofDays(30)), PageText.ZONE), ALL, List.of());
    }

    public boolean chosen() {
        return CHOSEN.equals(tenants);
    }

    public boolean ticks(UUID storeId) {
        return storeIds != null && storeIds.contains(storeId);
    }

    CouponTerms terms() {
        var minimum = minSpend == null || minSpend.isBlank() ? Money.cny(0)
                : FormValues.money("minSpend", minSpend, Money.CNY);
        return new CouponTerms(title == null ? "" : title.strip(), CouponTerms.Kind.AMOUNT_OFF,
                FormValues.money("amountOff", amountOff, Money.CNY), null, null, minimum, Set.of(),
                FormValues.number("totalQuantity", totalQuantity),
                FormValues.number("perCustomerLimit", perCustomerLimit),
                FormValues.instant("validFrom", validFrom, PageText.ZONE),
                FormValues.instant("validUntil", validUntil, PageText.ZONE));
    }

    MallCoupons.Eligible eligible() {
        if (!ALL.equals(tenants) && !CHOSEN.equals(tenants)) {
            throw new InvalidInput("tenants", "every tenant or chosen tenants");
        }
        if (ALL.equals(tenants)) return new MallCoupons.Eligible(Set.of(), Set.of());
        if (storeIds == null || storeIds.isEmpty()) throw new InvalidInput("storeIds", "choose at least one tenant");
        return new MallCoupons.Eligible(Set.of(), storeIds.stream().map(StoreId::new).collect(Collectors.toSet()));
    }
}
