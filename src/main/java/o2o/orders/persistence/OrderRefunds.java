package o2o.orders.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code order_refund} table: what was refunded of an order, by reference, so nothing is refunded twice. */
@Repository
public class OrderRefunds {

    private final JdbcClient jdbc;

    OrderRefunds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False if this reference was refunded before. */
    public boolean add(UUID orderId, String reference, Money amount, boolean offline, Instant at) {
        return jdbc.sql("""
                        insert into order_refund (order_id, merchant_id, reference, amount_minor, created_at, offline)
                        values (:order, (select merchant_id from customer_order where id = :order), :ref, :amount, :now,
                                :offline)
                        on conflict do nothing
                        """)
                .param("order", orderId)
                .param("ref", reference)
                .param("amount", amount.minor())
                .param("now", utc(at))
                .param("offline", offline)
                .update() == 1;
    }
}
