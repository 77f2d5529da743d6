package o2o.profiles.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code profile_tag} table: a merchant's short tags on its members. */
@Repository
public class ProfileTags {

    private final JdbcClient jdbc;

    ProfileTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the tag unless the member has it, and only while the member has fewer than {@code max}. A member's tags
     * change one transaction at a time (an advisory lock on the member), so two tags added at once cannot both pass
     * the limit. False when the limit stopped it.
     */
    public boolean add(UUID merchant, UUID customer, String tag, int max, Instant now) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(cast(:c as text), 0))")
                .param("c", merchant + ":" + customer).query(Integer.class).single();
        if (of(merchant, customer).contains(tag)) return true;
        return jdbc.sql("""
                        insert into profile_tag (merchant_id, customer_id, tag, created_at)
                        select :m, :c, :tag, :now
                        where (select count(*) from profile_tag where merchant_id = :m and customer_id = :c) < :max
                        on conflict do nothing
                        """)
                .param("m", merchant).param("c", customer).param("tag", tag).param("max", max)
                .param("now", Timestamps.utc(now)).update() == 1;
    }

    public void remove(UUID merchant, UUID customer, String tag) {
        jdbc.sql("delete from profile_tag where merchant_id = :m and customer_id = :c and tag = :tag")
                .param("m", merchant).param("c", customer).param("tag", tag).update();
    }

    public List<String> of(UUID merchant, UUID customer) {
        return jdbc.sql("select tag from profile_tag where merchant_id = :m and customer_id = :c order by created_at, tag")
                .param("m", merchant).param("c", customer).query(String.class).list();
    }
}
