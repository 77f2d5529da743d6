package o2o.reviews.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.reviews.Review;
import o2o.reviews.Scores;
import o2o.reviews.Stars;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.SqlArrays;
import o2o.shared.StoreId;
import o2o.shared.TimeCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The review table. One review per order is the unique key's to keep ({@code on conflict do nothing}); reply, resolve
 * and hide are each one conditional update, so of two racing moves one happens.
 */
@Repository
public class ReviewRows {

    private static final String COLUMNS = """
            id, merchant_id, store_id, order_id, customer_id, taste, environment, service, body, photos, created_at,
            flagged, reply_due_at, reply, replied_at, resolved_at, hidden_at, hidden_reason
            """;

    /** What hiding took off a store's rating. */
    public record Hidden(StoreId storeId, int starsSum) {}

    /** Which of a merchant's reviews the inbox lists: limited to some stores (empty: all), only flagged, only open. */
    public record InboxFilter(MerchantId merchant, Collection<UUID> stores, boolean flaggedOnly, boolean openOnly) {}

    private final JdbcClient jdbc;

    ReviewRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the review unless its order has one already; false then. */
    public boolean insert(Review r) {
        return jdbc.sql("""
                        insert into review (id, merchant_id, store_id, order_id, customer_id, taste, environment, service,
                                            body, photos, created_at, flagged, reply_due_at)
                        values (:id, :merchant, :store, :order, :customer, :taste, :environment, :service, :body,
                                :photos, :created, :flagged, :due)
                        on conflict (merchant_id, order_id) do nothing
                        """)
                .param("id", r.id()).param("merchant", r.merchantId().value()).param("store", r.storeId().value())
                .param("order", r.orderId().value()).param("customer", r.customerId().value())
                .param("taste", r.scores().taste().value()).param("environment", r.scores().environment().value())
                .param("service", r.scores().service().value()).param("body", r.text())
                .param("photos", r.photos().toArray(String[]::new)).param("created", utc(r.createdAt()))
                .param("flagged", r.flagged()).param("due", r.replyDueAt() == null ? null : utc(r.replyDueAt()))
                .update() == 1;
    }

    public Optional<Review> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from review where id = :id").param("id", id)
                .query(ReviewRows::review).optional();
    }

    public Optional<Review> ofOrder(OrderId order) {
        return jdbc.sql("select " + COLUMNS + " from review where order_id = :order").param("order", order.value())
                .query(ReviewRows::review).optional();
    }

    /** A store's shown reviews, newest first, {@code limit} after the cursor. */
    public List<Review> listed(StoreId store, @Nullable TimeCursor after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from review
                        where store_id = :store and hidden_at is null
                          and (cast(:afterAt as timestamptz) is null or (created_at, id) < (:afterAt, :afterId))
                        order by created_at desc, id desc
                        limit :limit
                        """)
                .param("store", store.value())
                .param("afterAt", after == null ? null : utc(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(ReviewRows::review).list();
    }

    /**
     * A merchant's reviews, open flagged ones first (by their deadline, which is 24 hours after they were written, so
     * newest first as the rest), then the rest newest first; the cursor carries the group too.
     */
    public List<Review> inbox(InboxFilter filter, @Nullable InboxCursor after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from review
                        where merchant_id = :merchant
                          and (cardinality(cast(:stores as uuid[])) = 0 or store_id = any(:stores))
                          and (not :flaggedOnly or flagged)
                          and (not :openOnly or (flagged and resolved_at is null))
                          and (cast(:afterAt as timestamptz) is null
                               or (case when flagged and resolved_at is null then 1 else 0 end, created_at, id)
                                  < (:afterOpen, :afterAt, :afterId))
                        order by case when flagged and resolved_at is null then 1 else 0 end desc, created_at desc,
                                 id desc
                        limit :limit
                        """)
                .param("merchant", filter.merchant().value())
                .param("stores", filter.stores().toArray(UUID[]::new))
                .param("flaggedOnly", filter.flaggedOnly()).param("openOnly", filter.openOnly())
                .param("afterOpen", after == null ? 0 : after.open() ? 1 : 0)
                .param("afterAt", after == null ? null : utc(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(ReviewRows::review).list();
    }

    public boolean reply(UUID id, String text, Instant now) {
        return jdbc.sql("update review set reply = :text, replied_at = :now where id = :id and reply is null")
                .param("id", id).param("text", text).param("now", utc(now)).update() == 1;
    }

    public boolean resolve(UUID id, Instant now) {
        return jdbc.sql("update review set resolved_at = :now where id = :id and flagged and resolved_at is null")
                .param("id", id).param("now", utc(now)).update() == 1;
    }

    /** Hides a shown review; what it added to its store's rating, or empty when it was hidden already. */
    public Optional<Hidden> hide(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                        update review set hidden_at = :now, hidden_reason = :reason
                         where id = :id and hidden_at is null
                        returning store_id, taste + environment + service as stars_sum
                        """)
                .param("id", id).param("reason", reason).param("now", utc(now))
                .query((rs, row) -> new Hidden(new StoreId(rs.getObject("store_id", UUID.class)), rs.getInt("stars_sum")))
                .optional();
    }

    private static Review review(ResultSet rs, int row) throws SQLException {
        return new Review(rs.getObject("id", UUID.class), new MerchantId(rs.getObject("merchant_id", UUID.class)),
                new StoreId(rs.getObject("store_id", UUID.class)), new OrderId(rs.getObject("order_id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                new Scores(new Stars(rs.getInt("taste")), new Stars(rs.getInt("environment")),
                        new Stars(rs.getInt("service"))),
                rs.getString("body"), SqlArrays.strings(rs.getArray("photos")), instant(rs, "created_at"),
                rs.getBoolean("flagged"), instant(rs, "reply_due_at"), rs.getString("reply"), instant(rs, "replied_at"),
                instant(rs, "resolved_at"), instant(rs, "hidden_at"), rs.getString("hidden_reason"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
