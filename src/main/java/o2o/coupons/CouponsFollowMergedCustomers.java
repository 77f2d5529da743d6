package o2o.coupons;

import o2o.identity.CustomersMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged customer's coupons become the target's, and what the source claimed counts toward the target's
 * per-customer limits. Run again, it finds nothing of the source's left.
 */
@Component
class CouponsFollowMergedCustomers {

    private final JdbcClient jdbc;

    CouponsFollowMergedCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        jdbc.sql("update coupon set customer_id = :target where customer_id = :source")
                .param("target", merged.targetId()).param("source", merged.sourceId()).update();
        jdbc.sql("""
                        insert into coupon_claim (template_id, customer_id, claimed)
                        select template_id, :target, claimed from coupon_claim where customer_id = :source
                        on conflict (template_id, customer_id) do update set claimed = coupon_claim.claimed + excluded.claimed
                        """)
                .param("target", merged.targetId()).param("source", merged.sourceId()).update();
        jdbc.sql("delete from coupon_claim where customer_id = :source").param("source", merged.sourceId()).update();
    }
}
