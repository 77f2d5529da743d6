package o2o.tableorders.persistence;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-session advisory lock that rounds and the bill share: rounds of one session go out one at a time, and
 * asking for the bill waits for a round being sent (and the reverse), so a round and the bill never cross.
 */
@Repository
public class SessionLock {

    /** The first key of this module's advisory locks (the second is the session's hash). */
    private static final int ROUND_LOCK = 0x7461_626c;

    private final JdbcClient jdbc;

    SessionLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the transaction ends. */
    public void hold(UUID sessionId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:space, :key)")
                .param("space", ROUND_LOCK).param("key", sessionId.hashCode()).query(Integer.class).single();
    }
}
