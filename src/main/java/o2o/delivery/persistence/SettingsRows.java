package o2o.delivery.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import o2o.delivery.DeliverySettings;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery_settings table: a store without a row delivers with the defaults. */
@Repository
public class SettingsRows {

    private final JdbcClient jdbc;

    SettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DeliverySettings> find(UUID storeId) {
        return jdbc.sql("""
                        select preparation_minutes, minutes_per_queued, speed_kmh, capacity, provider, own_cost_minor
                          from delivery_settings where store_id = :store
                        """)
                .param("store", storeId)
                .query((rs, n) -> new DeliverySettings(rs.getInt("preparation_minutes"),
                        rs.getInt("minutes_per_queued"), rs.getInt("speed_kmh"), rs.getInt("capacity"),
                        rs.getString("provider"), Money.cny(rs.getLong("own_cost_minor"))))
                .optional();
    }

    public void save(UUID merchantId, UUID storeId, DeliverySettings s, Instant now) {
        jdbc.sql("""
                        insert into delivery_settings (merchant_id, store_id, preparation_minutes, minutes_per_queued,
                            speed_kmh, capacity, provider, own_cost_minor, updated_at)
                        values (:merchant, :store, :preparation, :perQueued, :speed, :capacity, :provider, :cost, :now)
                        on conflict (merchant_id, store_id) do update set
                            preparation_minutes = excluded.preparation_minutes,
                            minutes_per_queued = excluded.minutes_per_queued, speed_kmh = excluded.speed_kmh,
                            capacity = excluded.capacity, provider = excluded.provider,
                            own_cost_minor = excluded.own_cost_minor, updated_at = excluded.updated_at
                        """)
                .param("merchant", merchantId)
                .param("store", storeId)
                .param("preparation", s.preparationMinutes())
                .param("perQueued", s.minutesPerQueued())
                .param("speed", s.speedKmh())
                .param("capacity", s.capacity())
                .param("provider", s.provider())
                .param("cost", s.ownCost().minor())
                .param("now", utc(now))
                .update();
    }
}
