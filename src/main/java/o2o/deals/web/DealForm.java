package o2o.deals.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.deals.DealTerms;
import o2o.deals.RefundPolicy;
import o2o.merchants.OpeningHours;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.web.FormValues;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;

/** The deal form of the merchant console, as typed: amounts in yuan, times as Shanghai wall-clock times. */
record DealForm(@Nullable String title, @Nullable String description, @Nullable String includes,
        @Nullable String price, @Nullable String originalPrice, @Nullable List<UUID> storeIds,
        @Nullable String saleStartsAt, @Nullable String saleEndsAt, @Nullable String validFrom,
        @Nullable String validUntil, @Nullable String perCustomerLimit, @Nullable String stock,
        @Nullable String refundPolicy, @Nullable Boolean flashSale) {

    static DealForm blank(Instant now, List<UUID> storeIds) {
        var zone = PageText.ZONE;
        return new DealForm("", "", "", "", "", storeIds, FormValues.local(now, zone),
                FormValues.local(now.plus(Duration.ofDays(30)), zone), FormValues.local(now, zone),
                FormValues.local(now.plus(Duration.ofDays(90)), zone), "", "", RefundPolicy.ANYTIME.name(), false);
    }

    public boolean offeredAt(UUID storeId) {
        return storeIds != null && storeIds.contains(storeId);
    }

    DealTerms toTerms() {
        var zone = PageText.ZONE;
        var unit = FormValues.money("price", price, Money.CNY);
        var original = originalPrice == null || originalPrice.isBlank() ? unit
                : FormValues.money("originalPrice", originalPrice, Money.CNY);
        var lines = includes == null ? List.<String>of()
                : includes.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.size() > 20) throw new InvalidInput("includes", "at most 20 lines");
        if (lines.stream().anyMatch(line -> line.length() > 100)) {
            throw new InvalidInput("includes", "at most 100 characters a line");
        }
        RefundPolicy policy;
        try {
            policy = RefundPolicy.valueOf(refundPolicy == null ? "" : refundPolicy);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("refundPolicy", "choose a refund policy");
        }
        return new DealTerms(title == null ? "" : title.strip(), description == null ? "" : description.strip(),
                lines, unit, original, storeIds == null ? Set.of() : Set.copyOf(storeIds),
                FormValues.instant("saleStartsAt", saleStartsAt, zone), FormValues.instant("saleEndsAt", saleEndsAt, zone),
                FormValues.instant("validFrom", validFrom, zone), FormValues.instant("validUntil", validUntil, zone),
                OpeningHours.closed(), FormValues.optionalNumber("perCustomerLimit", perCustomerLimit),
                FormValues.optionalNumber("stock", stock), policy, Boolean.TRUE.equals(flashSale));
    }
}
