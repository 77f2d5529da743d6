package o2o.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

@Schema(name = "MenuStoreItemRequest")
record StoreItemRequest(@Nullable Money priceOverride, @NotNull Boolean available) {}
