package o2o.mallguide;

import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import o2o.delivery.Delivery;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/** How a cart across a mall's tenants reaches its customer: picked up at each tenant's counter, or delivered. */
public sealed interface MallCartFulfilment {

    /** Every tenant's order picked up at its counter at {@code at} today, or as soon as possible when absent. */
    record PickUp(@Nullable LocalTime at) implements MallCartFulfilment {}

    /**
     * Every tenant's order delivered by that tenant to one address: one from the customer's book, or one given here;
     * {@code shownFees} are the fees the page showed per tenant, each refused with 409 when it is no longer the fee.
     */
    record Deliver(@Nullable UUID addressId, Delivery.@Nullable Destination destination, String note,
            Map<StoreId, Money> shownFees) implements MallCartFulfilment {

        public Deliver {
            if ((addressId == null) == (destination == null)) {
                throw new InvalidInput("address", "an address from the book, or one given here");
            }
            if (note.length() > 200) throw new InvalidInput("note", "at most 200 characters");
            shownFees = Map.copyOf(shownFees);
        }
    }
}
