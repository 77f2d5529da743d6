package o2o.pickup;

import java.time.Instant;
import java.util.UUID;

import o2o.merchants.Stores;
import o2o.pickup.persistence.DayNumbers;
import o2o.pickup.persistence.PickupOrders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A paid pick-up order joins the store's queue with the store's next number of its (store-local) day, and the customer
 * is told the number. A number is never given twice: a refunded order keeps (retires) its own.
 */
@Component
class PickupNumbers {

    private final PickupOrders pickups;
    private final DayNumbers numbers;
    private final Stores stores;
    private final PickupNotices notices;

    PickupNumbers(PickupOrders pickups, DayNumbers numbers, Stores stores, PickupNotices notices) {
        this.pickups = pickups;
        this.numbers = numbers;
        this.stores = stores;
        this.notices = notices;
    }

    /**
     * The order was paid: AWAITING_PAYMENT → PAID and its number. A redelivered event finds the order paid already
     * and changes nothing; false then.
     */
    @Transactional
    boolean numberPaid(UUID orderId, UUID customerId, Instant paidAt) {
        var paid = pickups.pay(orderId, paidAt);
        if (paid.isEmpty()) return false;
        var store = stores.find(paid.get().storeId()).orElseThrow();
        var day = paidAt.atZone(store.timeZone()).toLocalDate();
        int number = numbers.next(paid.get().merchantId(), store.id(), day);
        pickups.numbered(orderId, number, day);
        notices.numbered(customerId, store.name(), number);
        return true;
    }
}
