package o2o.deals;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.merchants.OpeningHours;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a merchant offers: a title, what it includes, the price, where and when it can be used, how many there are.
 *
 * @param usableHours when vouchers can be redeemed, per weekday in the store's time zone; no hours at all means
 *     whenever the store is open
 * @param perCustomerLimit units one customer may buy in all; null for no limit
 * @param stock units for sale in all; null for unlimited
 */
public record DealTerms(String title, String description, List<String> includes, Money price, Money originalPrice,
        Set<UUID> storeIds, Instant saleStartsAt, Instant saleEndsAt, Instant validFrom, Instant validUntil,
        OpeningHours usableHours, @Nullable Integer perCustomerLimit, @Nullable Integer stock,
        RefundPolicy refundPolicy, boolean flashSale) {

    public DealTerms {
        if (title.isBlank() || title.length() > 80) throw new InvalidInput("title", "1 to 80 characters");
        if (description.length() > 2000) throw new InvalidInput("description", "at most 2000 characters");
        includes = List.copyOf(includes);
        storeIds = Set.copyOf(storeIds);
        if (price.isZero()) throw new InvalidInput("price", "must be more than zero");
        if (originalPrice.compareTo(price) < 0) throw new InvalidInput("originalPrice", "must not be below the price");
        if (storeIds.isEmpty()) throw new InvalidInput("storeIds", "name at least one store where it can be used");
        if (!saleEndsAt.isAfter(saleStartsAt)) throw new InvalidInput("saleEndsAt", "must be after the sale starts");
        if (!validUntil.isAfter(validFrom)) throw new InvalidInput("validUntil", "must be after validFrom");
        if (validUntil.isBefore(saleEndsAt)) throw new InvalidInput("validUntil", "vouchers must outlive the sale");
        if (perCustomerLimit != null && perCustomerLimit < 1) throw new InvalidInput("perCustomerLimit", "at least 1");
        if (stock != null && stock < 0) throw new InvalidInput("stock", "must not be negative");
        if (flashSale) {
            if (stock == null) throw new InvalidInput("stock", "a flash sale has limited stock");
            perCustomerLimit = 1;
        }
    }

    public boolean usableIn(UUID storeId) {
        return storeIds.contains(storeId);
    }

    /** Within the validity window and, if the deal has usable hours, within them (store time). */
    public boolean usableAt(ZonedDateTime storeTime) {
        var instant = storeTime.toInstant();
        if (instant.isBefore(validFrom) || !instant.isBefore(validUntil)) return false;
        return usableHours.days().isEmpty() || usableHours.isOpenAt(storeTime);
    }
}
