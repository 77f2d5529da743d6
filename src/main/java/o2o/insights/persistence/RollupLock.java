package o2o.insights.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rollups' writers take turns, on every node: the customer sets are read, changed and written back, and the
 * numbers customers get at a merchant are counted on. An advisory lock held until the transaction ends.
 */
@Repository
public class RollupLock {

    private static final int INSIGHTS = 0x696e_7369;
    private static final int ROLLUPS = 1;

    private final JdbcClient jdbc;

    RollupLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the lock. */
    public void hold() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:space, :key)")
                .param("space", INSIGHTS).param("key", ROLLUPS).query(Integer.class).single();
    }

    /** False when another transaction holds it. */
    public boolean tryHold() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:space, :key)")
                .param("space", INSIGHTS).param("key", ROLLUPS).query(Boolean.class).single());
    }
}
