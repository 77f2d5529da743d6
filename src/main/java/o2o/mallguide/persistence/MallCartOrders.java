package o2o.mallguide.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mall_cart_order} table: which mall a checked-out cart's order group was placed in, and whose it is. */
@Repository
public class MallCartOrders {

    private final JdbcClient jdbc;

    MallCartOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID groupId, UUID mallId, UUID customerId, Instant at) {
        jdbc.sql("""
                        insert into mall_cart_order (group_id, mall_id, customer_id, created_at)
                        values (:group, :mall, :customer, :at)
                        """)
                .param("group", groupId).param("mall", mallId).param("customer", customerId).param("at", utc(at))
                .update();
    }

    /** The mall a group was placed in. */
    public Optional<UUID> mallOf(UUID groupId) {
        return jdbc.sql("select mall_id from mall_cart_order where group_id = :group")
                .param("group", groupId).query(UUID.class).optional();
    }
}
