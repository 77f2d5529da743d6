package o2o.profiles.persistence;

import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code profile_birthday} table: each customer's birthday as month * 100 + day, or null when they gave none. */
@Repository
public class ProfileBirthdays {

    private final JdbcClient jdbc;

    ProfileBirthdays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's birthday as they set it now: what the row held before does not matter. */
    public void set(UUID customer, @Nullable Integer monthDay) {
        jdbc.sql("""
                        insert into profile_birthday (customer_id, month_day) values (:c, :md)
                        on conflict (customer_id) do update set month_day = excluded.month_day
                        """)
                .param("c", customer).param("md", new SqlParameterValue(Types.SMALLINT, monthDay)).update();
    }

    /** Of these customers, those with no row yet: the ones whose birthday has never been read. */
    public List<UUID> unknownAmong(Collection<UUID> customers) {
        if (customers.isEmpty()) return List.of();
        return jdbc.sql("""
                        select c from unnest(cast(:cs as uuid[])) as c
                        where not exists (select 1 from profile_birthday b where b.customer_id = c)
                        """)
                .param("cs", customers.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /**
     * Rows for customers read for the first time, null for those without a birthday; a row written since (by the
     * event of a birthday set meanwhile) is newer and stays.
     */
    public void addRead(List<UUID> customers, Map<UUID, Integer> monthDays) {
        if (customers.isEmpty()) return;
        jdbc.sql("""
                        insert into profile_birthday (customer_id, month_day)
                        select * from unnest(cast(:cs as uuid[]), cast(:mds as smallint[]))
                        on conflict (customer_id) do nothing
                        """)
                .param("cs", customers.toArray(UUID[]::new))
                .param("mds", customers.stream().map(monthDays::get).toArray(Integer[]::new))
                .update();
    }
}
