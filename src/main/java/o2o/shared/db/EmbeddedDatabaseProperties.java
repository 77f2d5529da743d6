package o2o.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir where the cluster lives; blank for a temporary one deleted on shutdown
 * @param port TCP port on loopback; 0 picks a free one
 * @param durable false trades crash safety for speed (fsync off), for tests and benchmarks only
 * @param statementStatistics loads {@code pg_stat_statements}, so a benchmark can count the statements and
 *     transactions an operation costs; off by default, as it adds a little to every statement
 */
@ConfigurationProperties("o2o.db.embedded")
record EmbeddedDatabaseProperties(
        @DefaultValue("data/postgres") String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("true") boolean durable,
        @DefaultValue("false") boolean statementStatistics) {}
