package o2o.reservations.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import o2o.reservations.ReservationSettings;
import o2o.reservations.ReservationSettings.TableType;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A store's booking rules: reservation_settings and its table types (reservation_table_type), kept by name. */
@Repository
public class BookingSettings {

    private final JdbcClient jdbc;

    BookingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReservationSettings> find(UUID storeId) {
        var types = jdbc.sql("""
                        select name, min_party, max_party, tables from reservation_table_type
                        where store_id = :store order by position
                        """)
                .param("store", storeId)
                .query((rs, row) -> new TableType(rs.getString("name"), rs.getInt("min_party"),
                        rs.getInt("max_party"), rs.getInt("tables")))
                .list();
        return jdbc.sql("select * from reservation_settings where store_id = :store")
                .param("store", storeId)
                .query((rs, row) -> new ReservationSettings(
                        ReservationSettings.slotsFromColumn((String[]) rs.getArray("slots").getArray()), types,
                        rs.getInt("days_ahead"), rs.getInt("cutoff_minutes"),
                        new Money(rs.getLong("deposit_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getBoolean("deposit_per_person"), rs.getInt("free_cancel_hours"),
                        rs.getInt("reminder_minutes")))
                .optional();
    }

    /** Replaces the rules; table types no longer named are dropped, the others updated in their new order. */
    public void save(UUID merchantId, UUID storeId, ReservationSettings settings, Instant now) {
        jdbc.sql("""
                        insert into reservation_settings (store_id, merchant_id, slots, days_ahead, cutoff_minutes,
                            deposit_minor, deposit_per_person, currency, free_cancel_hours, reminder_minutes, updated_at)
                        values (:store, :merchant, :slots, :ahead, :cutoff, :deposit, :perPerson, :currency, :free,
                            :reminder, :now)
                        on conflict (store_id, merchant_id) do update set slots = excluded.slots,
                            days_ahead = excluded.days_ahead, cutoff_minutes = excluded.cutoff_minutes,
                            deposit_minor = excluded.deposit_minor,
                            deposit_per_person = excluded.deposit_per_person, currency = excluded.currency,
                            free_cancel_hours = excluded.free_cancel_hours,
                            reminder_minutes = excluded.reminder_minutes, updated_at = excluded.updated_at
                        """)
                .param("store", storeId)
                .param("merchant", merchantId)
                .param("slots", settings.slotsColumn())
                .param("ahead", settings.daysAhead())
                .param("cutoff", settings.cutoffMinutes())
                .param("deposit", settings.deposit().minor())
                .param("perPerson", settings.depositPerPerson())
                .param("currency", settings.deposit().currency().getCurrencyCode())
                .param("free", settings.freeCancelHours())
                .param("reminder", settings.reminderMinutes())
                .param("now", utc(now))
                .update();
        jdbc.sql("delete from reservation_table_type where store_id = :store and not (name = any(:names))")
                .param("store", storeId)
                .param("names", settings.tableTypes().stream().map(TableType::name).toArray(String[]::new))
                .update();
        int position = 0;
        for (var type : settings.tableTypes()) {
            jdbc.sql("""
                            insert into reservation_table_type (merchant_id, store_id, name, min_party, max_party,
                                                                tables, position)
                            values (:merchant, :store, :name, :min, :max, :tables, :position)
                            on conflict (store_id, name, merchant_id) do update set min_party = excluded.min_party,
                                max_party = excluded.max_party, tables = excluded.tables, position = excluded.position
                            """)
                    .param("merchant", merchantId).param("store", storeId).param("name", type.name())
                    .param("min", type.minParty()).param("max", type.maxParty()).param("tables", type.tables())
                    .param("position", position++)
                    .update();
        }
    }
}
