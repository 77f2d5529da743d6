package o2o.deals;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A deal as it stands, with what is left of its stock. */
public record Deal(UUID id, UUID merchantId, String merchantName, DealTerms terms, @Nullable Integer stockLeft,
        boolean active, Instant createdAt) {

    public boolean onSaleAt(Instant now) {
        return active && !now.isBefore(terms.saleStartsAt()) && now.isBefore(terms.saleEndsAt())
                && (stockLeft == null || stockLeft > 0);
    }

    public boolean usableIn(UUID storeId) {
        return terms.storeIds().contains(storeId);
    }

    /** Within the validity window and, if the deal has usable hours, within them (store time). */
    public boolean usableAt(ZonedDateTime storeTime) {
        var instant = storeTime.toInstant();
        if (instant.isBefore(terms.validFrom()) || !instant.isBefore(terms.validUntil())) return false;
        return terms.usableHours().days().isEmpty() || terms.usableHours().isOpenAt(storeTime);
    }
}
