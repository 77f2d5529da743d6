package o2o.deals.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.deals.Deal;
import o2o.deals.RefundPolicy;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

record DealResponse(UUID id, UUID merchantId, String merchantName, String title, String description,
        List<String> includes, Money price, Money originalPrice, Set<UUID> storeIds, Instant saleStartsAt,
        Instant saleEndsAt, Instant validFrom, Instant validUntil, Map<DayOfWeek, List<String>> usableHours,
        @Nullable Integer perCustomerLimit, @Nullable Integer stock, @Nullable Integer stockLeft,
        RefundPolicy refundPolicy, boolean flashSale, boolean active, boolean onSale) {

    static DealResponse of(Deal deal, String merchantName, Instant now) {
        var t = deal.terms();
        return new DealResponse(deal.id(), deal.merchantId(), merchantName, t.title(), t.description(),
                t.includes(), t.price(), t.originalPrice(), t.storeIds(), t.saleStartsAt(), t.saleEndsAt(),
                t.validFrom(), t.validUntil(), t.usableHours().asText(), t.perCustomerLimit(), t.stock(),
                deal.stockLeft(), t.refundPolicy(), t.flashSale(), deal.active(), deal.onSaleAt(now));
    }
}
