package o2o.vouchers;

import o2o.identity.CustomersMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A merged customer's vouchers become the target's; moving them again finds none left to move. */
@Component
class VouchersFollowMergedCustomers {

    private final JdbcClient jdbc;

    VouchersFollowMergedCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        jdbc.sql("update voucher set customer_id = :target where customer_id = :source")
                .param("target", merged.targetId()).param("source", merged.sourceId()).update();
    }
}
