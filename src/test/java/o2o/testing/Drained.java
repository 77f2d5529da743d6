package o2o.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until the projections fed in batches (the dashboards' rollups, attribution, member profiles, journeys) have taken every fact heard so
 * far: a fact leaves its pending table in the transaction that counts it, so an empty table means counted.
 */
public final class Drained {

    private Drained() {}

    public static void await(JdbcClient jdbc) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                jdbc.sql("""
                                select (select count(*) from insights_pending_fact where set_aside is null)
                                     + (select count(*) from campaign_pending_fact where set_aside is null)
                                     + (select count(*) from profile_pending_fact where set_aside is null)
                                     + (select count(*) from outreach_pending_fact where set_aside is null)
                                """).query(Long.class).single() == 0);
    }
}
