package o2o.outreach.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What limits a merchant's marketing messages to a member: the last one sent (the frequency cap), the member's
 * opt-out, the member's unsubscribe link, and the merchant's cap setting. Tables {@code outreach_contact},
 * {@code outreach_opt_out}, {@code outreach_link}, {@code outreach_setting}.
 */
@Repository
public class ContactRows {

    private final JdbcClient jdbc;

    ContactRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a message now for each of these members who had none from the merchant within {@code cap}, and answers
     * them; the others are left as they were. One statement, so two nodes never both get the same member's slot.
     */
    public Set<UUID> claimSlots(UUID merchant, List<UUID> customers, Instant now, Duration cap) {
        if (customers.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("""
                        insert into outreach_contact as c (merchant_id, customer_id, last_at)
                        select :m, x, :now from unnest(cast(:c as uuid[])) as x
                        on conflict (merchant_id, customer_id) do update set last_at = excluded.last_at
                         where c.last_at <= :since
                        returning customer_id
                        """)
                .param("m", merchant).param("c", customers.stream().distinct().toArray(UUID[]::new))
                .param("now", utc(now)).param("since", utc(now.minus(cap))).query(UUID.class).list());
    }

    public Set<UUID> optedOut(UUID merchant, List<UUID> customers) {
        if (customers.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("""
                        select customer_id from outreach_opt_out where merchant_id = :m and customer_id = any(:c)
                        """)
                .param("m", merchant).param("c", customers.toArray(UUID[]::new)).query(UUID.class).list());
    }

    public boolean optOut(UUID merchant, UUID customer, Instant at) {
        return jdbc.sql("insert into outreach_opt_out values (:m, :c, :at) on conflict do nothing")
                .param("m", merchant).param("c", customer).param("at", utc(at)).update() == 1;
    }

    public boolean isOptedOut(UUID merchant, UUID customer) {
        return !optedOut(merchant, List.of(customer)).isEmpty();
    }

    /** Each member's link token, made for those who have none from {@code fresh}. */
    public Map<UUID, String> tokens(UUID merchant, List<UUID> customers, java.util.function.Supplier<String> fresh) {
        if (customers.isEmpty()) return Map.of();
        var ids = customers.stream().distinct().toList();
        jdbc.sql("""
                        insert into outreach_link (token, merchant_id, customer_id)
                        select t, :m, c from unnest(cast(:t as text[]), cast(:c as uuid[])) as x(t, c)
                        on conflict do nothing
                        """)
                .param("m", merchant).param("c", ids.toArray(UUID[]::new))
                .param("t", ids.stream().map(id -> fresh.get()).toArray(String[]::new)).update();
        var tokens = new HashMap<UUID, String>();
        jdbc.sql("select customer_id, token from outreach_link where merchant_id = :m and customer_id = any(:c)")
                .param("m", merchant).param("c", ids.toArray(UUID[]::new))
                .query(rs -> {
                    tokens.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return tokens;
    }

    /** The merchant and member of a link token. */
    public record Link(UUID merchant, UUID customer) {}

    public Optional<Link> link(String token) {
        return jdbc.sql("select merchant_id, customer_id from outreach_link where token = :t").param("t", token)
                .query((rs, row) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
    }

    public Optional<Integer> capDays(UUID merchant) {
        return jdbc.sql("select cap_days from outreach_setting where merchant_id = :m").param("m", merchant)
                .query(Integer.class).optional();
    }

    public void setCapDays(UUID merchant, int days) {
        jdbc.sql("""
                        insert into outreach_setting values (:m, :d)
                        on conflict (merchant_id) do update set cap_days = excluded.cap_days
                        """)
                .param("m", merchant).param("d", days).update();
    }
}
