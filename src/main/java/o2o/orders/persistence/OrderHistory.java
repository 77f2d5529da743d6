package o2o.orders.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

import o2o.orders.OrderStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code order_transition} table: every change of an order's state, and why. */
@Repository
public class OrderHistory {

    private final JdbcClient jdbc;

    OrderHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code from} is null for the state an order was placed in. */
    public void record(UUID orderId, UUID merchantId, @Nullable OrderStatus from, OrderStatus to, String reason,
            Instant at) {
        jdbc.sql("""
                        insert into order_transition (order_id, merchant_id, from_status, to_status, at, reason)
                        values (:order, :merchant, :from, :to, :at, :reason)
                        """)
                .param("order", orderId)
                .param("merchant", merchantId)
                .param("from", new SqlParameterValue(Types.VARCHAR, from == null ? null : from.name()))
                .param("to", to.name())
                .param("at", utc(at))
                .param("reason", reason)
                .update();
    }
}
