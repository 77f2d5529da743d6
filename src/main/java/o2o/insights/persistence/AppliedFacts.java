package o2o.insights.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code insights_applied_fact} table: which facts the rollups already count. */
@Repository
public class AppliedFacts {

    private final JdbcClient jdbc;

    AppliedFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that this fact is being counted; false if it was before (a redelivered event). Called in the transaction
     * that adds the fact to the rollups, so both happen or neither.
     */
    public boolean firstTime(String kind, String factId) {
        return jdbc.sql("insert into insights_applied_fact (kind, fact_id) values (:kind, :id) on conflict do nothing")
                .param("kind", kind).param("id", factId).update() == 1;
    }

    /** {@link #firstTime} for many facts of one kind in one statement; the ids recorded now. */
    public Set<String> firstTimeAll(String kind, List<String> factIds) {
        if (factIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("""
                        insert into insights_applied_fact (kind, fact_id)
                        select :kind, id from unnest(cast(:ids as text[])) as x(id)
                        on conflict do nothing
                        returning fact_id
                        """)
                .param("kind", kind).param("ids", factIds.toArray(String[]::new)).query(String.class).list());
    }
}
