package o2o.coupons;

import o2o.coupons.persistence.WalletCoupons;
import o2o.identity.CustomersMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged customer's coupons become the target's, and what the source claimed counts toward the target's
 * per-customer limits. Run again, it finds nothing of the source's left.
 */
@Component
class CouponsFollowMergedCustomers {

    private final WalletCoupons coupons;

    CouponsFollowMergedCustomers(WalletCoupons coupons) {
        this.coupons = coupons;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        coupons.moveCustomer(merged.sourceId().value(), merged.targetId().value());
    }
}
