package o2o.delivery;

import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A customer's delivery order before it is priced: the dishes, where to (an address from the book, or one given
 * inline), a note for the kitchen, a coupon, points, and the fee the customer was shown (when it is no longer the fee,
 * the order is refused so they see the new one before paying).
 */
public record DeliveryRequest(List<Line> lines, @Nullable UUID addressId, Delivery.@Nullable Destination destination,
        String note, @Nullable UUID couponId, long pointsToUse, @Nullable Money shownFee) {

    /** A dish, its chosen options and how many. */
    public record Line(UUID itemId, List<UUID> optionIds, int quantity) {}
}
