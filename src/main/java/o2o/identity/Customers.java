package o2o.identity;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for customers: one customer per phone number. */
@Service
public class Customers {

    private final JdbcClient jdbc;
    private final Clock clock;

    Customers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The customer holding this phone, registered on first sight. Safe when two sign-ins race. */
    @Transactional
    public CustomerPrincipal findOrRegister(PhoneNumber phone) {
        jdbc.sql("""
                        insert into customer (id, phone, created_at) values (:id, :phone, :now)
                        on conflict (phone) do nothing
                        """)
                .param("id", Ids.next())
                .param("phone", phone.value())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        var id = jdbc.sql("select id from customer where phone = :phone")
                .param("phone", phone.value())
                .query(UUID.class)
                .single();
        return new CustomerPrincipal(id, phone);
    }

    @Transactional(readOnly = true)
    public Optional<PhoneNumber> phoneOf(UUID customerId) {
        return jdbc.sql("select phone from customer where id = :id")
                .param("id", customerId)
                .query(String.class)
                .optional()
                .map(PhoneNumber::new);
    }

    @Transactional(readOnly = true)
    public Optional<CustomerPrincipal> byPhone(PhoneNumber phone) {
        return jdbc.sql("select id from customer where phone = :phone")
                .param("phone", phone.value())
                .query(UUID.class)
                .optional()
                .map(id -> new CustomerPrincipal(id, phone));
    }
}
