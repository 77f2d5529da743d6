package o2o.shared.db;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A streaming replica of the standalone primary ({@code spring.datasource.url}) that serves read-only transactions
 * of reading requests.
 *
 * @param url JDBC URL of the replica; blank for none (every read stays on the primary)
 * @param username its user
 * @param password its password
 * @param poolSize connections to the replica, beside the primary's own pool
 * @param ownWritesWindow how long after a client's writing request its reads stay on the primary, so that it sees
 *     what it just wrote whatever the replica's lag
 */
@ConfigurationProperties("o2o.db.replica")
record ReplicaProperties(
        @DefaultValue("") String url,
        @DefaultValue("postgres") String username,
        @DefaultValue("") String password,
        @DefaultValue("20") int poolSize,
        @DefaultValue("5s") Duration ownWritesWindow) {}
