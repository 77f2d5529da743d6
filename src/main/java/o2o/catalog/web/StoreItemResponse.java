package o2o.catalog.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.catalog.StoreItem;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

@Schema(name = "MenuStoreItemResponse")
record StoreItemResponse(UUID itemId, UUID categoryId, String name, boolean active, Money basePrice,
        @Nullable Money priceOverride, Money price, boolean available, boolean soldOut) {

    static StoreItemResponse of(StoreItem s) {
        return new StoreItemResponse(s.item().id(), s.item().categoryId(), s.item().name(), s.item().active(),
                s.item().price(), s.priceOverride(), s.effectivePrice(), s.available(), s.soldOut());
    }
}
