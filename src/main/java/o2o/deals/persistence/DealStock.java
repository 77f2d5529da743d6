package o2o.deals.persistence;

import java.util.List;
import java.util.UUID;

import o2o.deals.Deal;
import o2o.shared.db.WithCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A deal's stock and each customer's allowance, taken and given back in the caller's transaction. */
@Repository
public class DealStock {

    /** PostgreSQL's name for the deal table's {@code check (stock_left >= 0)}. */
    private static final String STOCK_LEFT_CHECK = "deal_stock_left_check";

    private final JdbcClient jdbc;

    DealStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes {@code quantity} units for a customer: the customer's allowance at once (their own row), and the stock
     * (the deal's row, the one every buyer contends for) with a single update that the column's check keeps from
     * going below zero, so nothing is sold twice and nobody exceeds their limit, however many buy at once. The
     * stock's update runs as the transaction commits, its last statement, sent with the {@code COMMIT} itself
     * ({@link WithCommit}): the row's lock, which every other buyer waits for, is then held for the update and the
     * commit alone, not also while the order's answer is written and kept, nor across a round trip to this node and
     * back. No stock left breaks the column's check ({@code stock_left >= 0}), which fails the commit with 409
     * {@code deal-sold-out}, and everything the transaction wrote rolls back. (A deal's row is never deleted, so the
     * update always finds it.)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(Deal deal, UUID customerId, int quantity) {
        var limit = deal.terms().perCustomerLimit();
        if (limit != null) {
            int allowed = jdbc.sql("""
                            insert into deal_purchase (deal_id, merchant_id, customer_id, quantity)
                            values (:deal, :merchant, :customer, :q)
                            on conflict (deal_id, customer_id, merchant_id) do update
                                set quantity = deal_purchase.quantity + excluded.quantity
                                where deal_purchase.quantity + excluded.quantity <= :limit
                            """)
                    .param("deal", deal.id())
                    .param("merchant", deal.merchantId())
                    .param("customer", customerId)
                    .param("q", quantity)
                    .param("limit", limit)
                    .update();
            if (allowed == 0) throw Deal.limitReached(limit);
        }
        if (deal.terms().stock() != null) {
            WithCommit.send("update deal set stock_left = stock_left - ? where id = ?", List.of(quantity, deal.id()),
                    e -> STOCK_LEFT_CHECK.equals(WithCommit.constraint(e)) ? Deal.soldOut() : null);
        }
    }

    /** Gives back what {@link #take} took, when an order is cancelled before payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID dealId, UUID customerId, int quantity) {
        jdbc.sql("update deal set stock_left = stock_left + :q where id = :id and stock_left is not null")
                .param("q", quantity)
                .param("id", dealId)
                .update();
        jdbc.sql("""
                        update deal_purchase set quantity = greatest(quantity - :q, 0)
                        where deal_id = :deal and customer_id = :customer
                        """)
                .param("q", quantity)
                .param("deal", dealId)
                .param("customer", customerId)
                .update();
    }
}
