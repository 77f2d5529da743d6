package o2o.ledger;

import o2o.identity.CustomersMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A merged customer's points and stored value move to the target, one transfer entry per account. */
@Component
class BalancesFollowMergedCustomers {

    private final Ledger ledger;

    BalancesFollowMergedCustomers(Ledger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        ledger.moveHolder("customer:" + merged.sourceId(), "customer:" + merged.targetId(),
                "merge:" + merged.sourceId() + ":" + merged.targetId());
    }
}
