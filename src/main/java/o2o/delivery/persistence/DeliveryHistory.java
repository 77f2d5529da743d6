package o2o.delivery.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import o2o.delivery.DeliveryEvent;
import o2o.delivery.DeliveryStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery_event table: every move of an order, appended, never changed. */
@Repository
public class DeliveryHistory {

    private final JdbcClient jdbc;

    DeliveryHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID orderId, UUID merchantId, DeliveryStatus status, String what, @Nullable UUID courierId,
            String actor, Instant at) {
        jdbc.sql("""
                        insert into delivery_event (order_id, merchant_id, status, what, courier_id, actor, at)
                        values (:order, :merchant, :status, :what, :courier, :actor, :at)
                        """)
                .param("order", orderId)
                .param("merchant", merchantId)
                .param("status", status.name())
                .param("what", what)
                .param("courier", courierId)
                .param("actor", actor)
                .param("at", utc(at))
                .update();
    }

    public List<DeliveryEvent> of(UUID orderId) {
        return jdbc.sql("select status, what, courier_id, actor, at from delivery_event where order_id = :order"
                        + " order by id")
                .param("order", orderId)
                .query((rs, n) -> new DeliveryEvent(DeliveryStatus.valueOf(rs.getString("status")),
                        rs.getString("what"), rs.getObject("courier_id", UUID.class), rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
