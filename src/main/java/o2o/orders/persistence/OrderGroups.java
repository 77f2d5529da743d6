package o2o.orders.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import o2o.orders.OrderGroup;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code order_group} table: orders of several merchants paid at once. */
@Repository
public class OrderGroups {

    private final JdbcClient jdbc;

    OrderGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A group of the customer's orders, its total their totals' sum, written only if every one of them is the
     * customer's, unpaid, in no group yet, and all in one currency with something to pay; false when not.
     */
    public boolean insert(UUID id, UUID customerId, UUID payee, String title, Collection<UUID> orderIds, Instant now) {
        return jdbc.sql("""
                        insert into order_group (id, customer_id, payee_merchant_id, title, total_minor, currency,
                            created_at)
                        select :id, :customer, :payee, :title, sum(total_minor), min(currency), :now
                        from customer_order
                        where id = any(:ids) and customer_id = :customer and status = 'PENDING_PAYMENT'
                          and group_id is null
                        having count(*) = :count and count(distinct currency) = 1 and sum(total_minor) > 0
                        """)
                .param("id", id).param("customer", customerId).param("payee", payee).param("title", title)
                .param("now", utc(now)).param("ids", orderIds.toArray(UUID[]::new)).param("count", orderIds.size())
                .update() == 1;
    }

    public Optional<OrderGroup> find(UUID id) {
        return jdbc.sql("""
                        select id, customer_id, payee_merchant_id, title, total_minor, currency, created_at
                        from order_group where id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new OrderGroup(rs.getObject("id", UUID.class),
                        new CustomerId(rs.getObject("customer_id", UUID.class)),
                        new MerchantId(rs.getObject("payee_merchant_id", UUID.class)), rs.getString("title"),
                        new Money(rs.getLong("total_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
