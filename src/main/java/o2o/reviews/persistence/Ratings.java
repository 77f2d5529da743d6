package o2o.reviews.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.shared.MerchantId;
import o2o.shared.StoreId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The store_rating table: each store's count and sum of scores over its shown reviews, moved by one statement in the
 * transaction that stores or hides a review (never read, changed in Java and written back), so concurrent reviews add
 * up exactly.
 */
@Repository
public class Ratings {

    /** A store's shown reviews: how many, and the sum of taste + environment + service over them. */
    public record Row(int reviews, long starsSum) {}

    private final JdbcClient jdbc;

    Ratings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(MerchantId merchant, StoreId store, int starsSum) {
        jdbc.sql("""
                        insert into store_rating (store_id, merchant_id, reviews, stars_sum)
                        values (:store, :merchant, 1, :sum)
                        on conflict (store_id, merchant_id) do update
                           set reviews = store_rating.reviews + 1, stars_sum = store_rating.stars_sum + excluded.stars_sum
                        """)
                .param("store", store.value()).param("merchant", merchant.value()).param("sum", starsSum).update();
    }

    public void remove(StoreId store, int starsSum) {
        jdbc.sql("""
                        update store_rating set reviews = reviews - 1, stars_sum = stars_sum - :sum
                         where store_id = :store
                        """)
                .param("store", store.value()).param("sum", starsSum).update();
    }

    /** The rows of these stores in one query; a store without reviews is absent. */
    public Map<UUID, Row> of(Collection<UUID> stores) {
        if (stores.isEmpty()) return Map.of();
        return jdbc.sql("select store_id, reviews, stars_sum from store_rating where store_id = any(:stores)")
                .param("stores", stores.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("store_id", UUID.class),
                        new Row(rs.getInt("reviews"), rs.getLong("stars_sum"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
