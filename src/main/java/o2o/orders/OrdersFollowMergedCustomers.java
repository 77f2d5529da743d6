package o2o.orders;

import o2o.identity.CustomersMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A merged customer's orders become the target's; moving them again finds none left to move. */
@Component
class OrdersFollowMergedCustomers {

    private final JdbcClient jdbc;

    OrdersFollowMergedCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        jdbc.sql("update customer_order set customer_id = :target where customer_id = :source")
                .param("target", merged.targetId()).param("source", merged.sourceId()).update();
    }
}
