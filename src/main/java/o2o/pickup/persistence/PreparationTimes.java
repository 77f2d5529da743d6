package o2o.pickup.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pickup_settings table: how many minutes ahead a store needs a pick-up order, where it has said. */
@Repository
public class PreparationTimes {

    private final JdbcClient jdbc;

    PreparationTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> minutes(UUID merchantId, UUID storeId) {
        return jdbc.sql("""
                        select preparation_minutes from pickup_settings
                        where merchant_id = :merchant and store_id = :store
                        """)
                .param("merchant", merchantId)
                .param("store", storeId)
                .query(Integer.class)
                .optional();
    }

    public void save(UUID merchantId, UUID storeId, int minutes, Instant now) {
        jdbc.sql("""
                        insert into pickup_settings (store_id, merchant_id, preparation_minutes, updated_at)
                        values (:store, :merchant, :minutes, :now)
                        on conflict (merchant_id, store_id) do update
                            set preparation_minutes = excluded.preparation_minutes, updated_at = excluded.updated_at
                        """)
                .param("store", storeId)
                .param("merchant", merchantId)
                .param("minutes", minutes)
                .param("now", utc(now))
                .update();
    }
}
