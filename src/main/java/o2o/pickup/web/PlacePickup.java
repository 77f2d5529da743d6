package o2o.pickup.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code pickupTime}: "12:30" today in the store's time zone, or empty for as soon as possible; {@code
 * pointsToUse}: loyalty points to pay part of it with.
 */
@Schema(name = "PickupPlacePickup")
record PlacePickup(@NotNull @Size(max = 30) List<@Valid @NotNull LineRequest> lines,
        @Nullable @Size(max = 10) String pickupTime, @Nullable @Size(max = 140) String note,
        @Nullable UUID couponId, @Nullable @Min(0) @Max(1_000_000_000_000L) Long pointsToUse) {}
