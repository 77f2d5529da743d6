package o2o.pickup.persistence;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pickup_number table: the last number given out per store and local day. */
@Repository
public class DayNumbers {

    private final JdbcClient jdbc;

    DayNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The store's next number of the day, advanced in one upsert of its counter row. */
    public int next(UUID merchantId, UUID storeId, LocalDate day) {
        return jdbc.sql("""
                        insert into pickup_number (merchant_id, store_id, day, last) values (:merchant, :store, :day, 1)
                        on conflict (merchant_id, store_id, day) do update set last = pickup_number.last + 1
                        returning last
                        """)
                .param("merchant", merchantId)
                .param("store", storeId)
                .param("day", day)
                .query(Integer.class)
                .single();
    }
}
