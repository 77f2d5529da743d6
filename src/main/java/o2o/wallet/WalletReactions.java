package o2o.wallet;

import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A paid TOP_UP order becomes stored value. The event is persisted and re-delivered after a failure; the ledger
 * reference {@code top-up:order:<id>} makes a second delivery credit nothing twice.
 */
@Component
class WalletReactions {

    private final StoredValue storedValue;

    WalletReactions(StoredValue storedValue) {
        this.storedValue = storedValue;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) storedValue.creditTopUp(paid);
    }
}
