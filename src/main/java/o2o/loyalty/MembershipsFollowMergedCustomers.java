package o2o.loyalty;

import o2o.identity.CustomersMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged customer's memberships and points lots become the target's. Where both were members of one merchant the
 * earlier join is kept (its date and channel). The points themselves move on the ledger (see Ledger.moveHolder).
 * Run again, it finds nothing of the source's left.
 */
@Component
class MembershipsFollowMergedCustomers {

    private final JdbcClient jdbc;

    MembershipsFollowMergedCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        jdbc.sql("""
                        update membership t
                        set joined_at = least(t.joined_at, s.joined_at),
                            channel = case when s.joined_at < t.joined_at then s.channel else t.channel end,
                            name = coalesce(t.name, s.name)
                        from membership s
                        where s.customer_id = :source and t.customer_id = :target and t.merchant_id = s.merchant_id
                        """)
                .param("source", merged.sourceId()).param("target", merged.targetId()).update();
        jdbc.sql("""
                        delete from membership s using membership t
                        where s.customer_id = :source and t.customer_id = :target and t.merchant_id = s.merchant_id
                        """)
                .param("source", merged.sourceId()).param("target", merged.targetId()).update();
        jdbc.sql("update membership set customer_id = :target where customer_id = :source")
                .param("source", merged.sourceId()).param("target", merged.targetId()).update();
        jdbc.sql("update points_lot set customer_id = :target where customer_id = :source")
                .param("source", merged.sourceId()).param("target", merged.targetId()).update();
    }
}
