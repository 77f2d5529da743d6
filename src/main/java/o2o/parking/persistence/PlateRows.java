package o2o.parking.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.parking.Plate;
import o2o.shared.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of registered plates. */
@Repository
public class PlateRows {

    private final JdbcClient jdbc;

    PlateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's plates, oldest first. */
    public List<Plate> of(CustomerId customer) {
        return jdbc.sql("select plate from parking_plate where customer_id = :c order by added_at, plate")
                .param("c", customer.value()).query((rs, row) -> new Plate(rs.getString(1))).list();
    }

    /** Who registered the plate, if anybody. */
    public Optional<CustomerId> owner(Plate plate) {
        return jdbc.sql("select customer_id from parking_plate where plate = :p").param("p", plate.number())
                .query((rs, row) -> new CustomerId(rs.getObject(1, UUID.class))).optional();
    }

    /**
     * Registers the plate for the customer unless somebody has it or the customer has {@code most} already: one
     * statement, after the customer's own advisory lock so two adds of one customer take turns. False: not added.
     */
    public boolean add(CustomerId customer, Plate plate, int most, Instant at) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('parking_plate:' || :c, 0))")
                .param("c", customer.value().toString()).query((rs, row) -> 1).list();
        return jdbc.sql("""
                        insert into parking_plate (plate, customer_id, added_at)
                        select :p, :c, :at
                         where (select count(*) from parking_plate where customer_id = :c) < :most
                        on conflict (plate) do nothing
                        """)
                .param("p", plate.number()).param("c", customer.value()).param("at", utc(at)).param("most", most)
                .update() == 1;
    }

    public int count(CustomerId customer) {
        return jdbc.sql("select count(*) from parking_plate where customer_id = :c").param("c", customer.value())
                .query(Integer.class).single();
    }

    public boolean remove(CustomerId customer, Plate plate) {
        return jdbc.sql("delete from parking_plate where plate = :p and customer_id = :c")
                .param("p", plate.number()).param("c", customer.value()).update() == 1;
    }
}
