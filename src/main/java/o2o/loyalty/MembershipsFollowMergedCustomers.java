package o2o.loyalty;

import o2o.identity.CustomersMerged;
import o2o.loyalty.persistence.Memberships;
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
    private final Memberships memberships;

    MembershipsFollowMergedCustomers(JdbcClient jdbc, Memberships memberships) {
        this.jdbc = jdbc;
        this.memberships = memberships;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        memberships.follow(merged.sourceId().value(), merged.targetId().value());
        jdbc.sql("update points_lot set customer_id = :target where customer_id = :source")
                .param("source", merged.sourceId().value()).param("target", merged.targetId().value()).update();
        jdbc.sql("""
                        insert into member_activity (merchant_id, customer_id, visits, paid_minor, refunded_minor,
                                                     currency, last_visit_at)
                        select merchant_id, :target, visits, paid_minor, refunded_minor, currency, last_visit_at
                        from member_activity where customer_id = :source
                        on conflict (merchant_id, customer_id) do update
                        set visits = member_activity.visits + excluded.visits,
                            paid_minor = member_activity.paid_minor + excluded.paid_minor,
                            refunded_minor = member_activity.refunded_minor + excluded.refunded_minor,
                            last_visit_at = greatest(member_activity.last_visit_at, excluded.last_visit_at)
                        """)
                .param("source", merged.sourceId().value()).param("target", merged.targetId().value()).update();
        jdbc.sql("delete from member_activity where customer_id = :source")
                .param("source", merged.sourceId().value()).update();
        jdbc.sql("update member_activity_order set customer_id = :target where customer_id = :source")
                .param("source", merged.sourceId().value()).param("target", merged.targetId().value()).update();
    }
}
