package o2o.delivery.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.delivery.Address;
import o2o.shared.CustomerId;
import o2o.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery_address table: a customer's address book; a deleted address stays for the orders that went there. */
@Repository
public class AddressRows {

    private static final String COLUMNS = "id, customer_id, label, contact, phone, address, lat, lng";

    private final JdbcClient jdbc;

    AddressRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Address> of(CustomerId customer) {
        return jdbc.sql("select " + COLUMNS + """
                         from delivery_address where customer_id = :customer and not deleted
                        order by created_at desc limit 50
                        """)
                .param("customer", customer.value())
                .query(AddressRows::address)
                .list();
    }

    public Optional<Address> find(CustomerId customer, UUID id) {
        return jdbc.sql("select " + COLUMNS
                        + " from delivery_address where id = :id and customer_id = :customer and not deleted")
                .param("id", id)
                .param("customer", customer.value())
                .query(AddressRows::address)
                .optional();
    }

    public int count(CustomerId customer) {
        return jdbc.sql("select count(*) from delivery_address where customer_id = :customer and not deleted")
                .param("customer", customer.value())
                .query(Integer.class)
                .single();
    }

    public void insert(Address a, Instant now) {
        jdbc.sql("""
                        insert into delivery_address (id, customer_id, label, contact, phone, address, lat, lng,
                                                      created_at)
                        values (:id, :customer, :label, :contact, :phone, :address, :lat, :lng, :now)
                        """)
                .param("id", a.id())
                .param("customer", a.customerId().value())
                .param("label", a.label())
                .param("contact", a.contact())
                .param("phone", a.phone())
                .param("address", a.address())
                .param("lat", a.point().lat())
                .param("lng", a.point().lng())
                .param("now", utc(now))
                .update();
    }

    public boolean update(Address a) {
        return jdbc.sql("""
                        update delivery_address set label = :label, contact = :contact, phone = :phone,
                               address = :address, lat = :lat, lng = :lng
                         where id = :id and customer_id = :customer and not deleted
                        """)
                .param("id", a.id())
                .param("customer", a.customerId().value())
                .param("label", a.label())
                .param("contact", a.contact())
                .param("phone", a.phone())
                .param("address", a.address())
                .param("lat", a.point().lat())
                .param("lng", a.point().lng())
                .update() == 1;
    }

    public boolean delete(CustomerId customer, UUID id) {
        return jdbc.sql("update delivery_address set deleted = true where id = :id and customer_id = :customer"
                        + " and not deleted")
                .param("id", id)
                .param("customer", customer.value())
                .update() == 1;
    }

    private static Address address(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Address(rs.getObject("id", UUID.class), new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("label"), rs.getString("contact"), rs.getString("phone"), rs.getString("address"),
                new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")));
    }
}
