package o2o.delivery.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.delivery.DeliveryRequest;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * {@code addressId}: an address from the customer's book, or {@code address}: one given here (one of the two);
 * {@code shownFee}: the fee the customer saw, refused with 409 {@code delivery-fee-changed} when it is not the fee now.
 */
@Schema(name = "DeliveryPlaceDelivery")
record PlaceDelivery(@NotNull @Size(min = 1, max = 30) List<@Valid @NotNull LineRequest> lines,
        @Nullable UUID addressId, @Nullable @Valid AddressRequest address, @Nullable @Size(max = 200) String note,
        @Nullable UUID couponId, @Nullable @Min(0) @Max(1_000_000_000_000L) Long pointsToUse,
        @Nullable Money shownFee) {

    DeliveryRequest toRequest() {
        return new DeliveryRequest(lines.stream().map(DeliveryApi::line).toList(), addressId,
                address == null ? null : address.destination(), note == null ? "" : note, couponId,
                pointsToUse == null ? 0 : pointsToUse, shownFee);
    }
}
