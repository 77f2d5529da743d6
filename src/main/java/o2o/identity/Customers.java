package o2o.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.PhoneNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for customers: one customer per phone number. */
@Service
public class Customers {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    Customers(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
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

    /** Registers many phones at once (imports, demo data); returns the customers' ids in the phones' order. */
    @Transactional
    public List<UUID> registerAll(List<PhoneNumber> phones) {
        var now = Timestamp.from(clock.instant());
        template.batchUpdate("insert into customer (id, phone, created_at) values (?, ?, ?) on conflict (phone) do nothing",
                phones, 5000, (ps, phone) -> {
                    ps.setObject(1, Ids.next());
                    ps.setString(2, phone.value());
                    ps.setTimestamp(3, now);
                });
        var ids = new HashMap<String, UUID>();
        jdbc.sql("select id, phone from customer where phone = any(:phones)")
                .param("phones", phones.stream().map(PhoneNumber::value).toArray(String[]::new))
                .query((rs, row) -> ids.put(rs.getString("phone"), rs.getObject("id", UUID.class)))
                .list();
        return phones.stream().map(p -> ids.get(p.value())).toList();
    }

    @Transactional(readOnly = true)
    public long countWithPrefix(String phonePrefix) {
        return jdbc.sql("select count(*) from customer where phone like :p")
                .param("p", phonePrefix.replaceAll("[^0-9]", "") + "%").query(Long.class).single();
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
