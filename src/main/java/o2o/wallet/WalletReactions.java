package o2o.wallet;

import o2o.orders.OrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A paid TOP_UP order becomes stored value. The event is persisted and re-delivered after a failure; the ledger
 * reference {@code top-up:order:<id>} makes a second delivery credit nothing twice. The condition is checked before
 * the publication is recorded, so any other paid order costs this listener nothing.
 */
@Component
class WalletReactions {

    private final StoredValue storedValue;

    WalletReactions(StoredValue storedValue) {
        this.storedValue = storedValue;
    }

    @ApplicationModuleListener(condition = "#paid.channel().name() == 'TOP_UP'")
    void on(OrderPaid paid) {
        storedValue.creditTopUp(paid);
    }
}
