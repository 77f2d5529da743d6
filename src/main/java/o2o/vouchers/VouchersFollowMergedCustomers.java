package o2o.vouchers;

import o2o.identity.CustomersMerged;
import o2o.vouchers.persistence.VoucherRows;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A merged customer's vouchers become the target's; moving them again finds none left to move. */
@Component
class VouchersFollowMergedCustomers {

    private final VoucherRows rows;

    VouchersFollowMergedCustomers(VoucherRows rows) {
        this.rows = rows;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        rows.moveCustomer(merged.sourceId().value(), merged.targetId().value());
    }
}
