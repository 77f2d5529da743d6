package o2o.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application on a standalone primary with a "replica" beside it. A real streaming replica cannot be set up in
 * a test, so the replica is the same server reached as another role and under another application name: every
 * connection says which pool it came from, and the replica role may read every table but write none, as a standby.
 * The replica pool's connection count tells which requests read there: nothing but a reading request's read-only
 * transactions ever takes one (jobs and listeners stay on the primary).
 */
@DirtiesContext
class ReadReplicaIntegrationTests extends ApiTest {

    private static final EmbeddedPostgres SERVER = startServer();

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Flyway flyway;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        var base = "jdbc:postgresql://127.0.0.1:" + SERVER.getPort() + "/postgres?ApplicationName=";
        registry.add("spring.datasource.url", () -> base + "primary");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("o2o.db.replica.url", () -> base + "replica");
        registry.add("o2o.db.replica.username", () -> "standby");
        registry.add("o2o.db.replica.password", () -> "");
        registry.add("o2o.db.replica.pool-size", () -> "4");
    }

    @Test
    void onlyAReadOnlyTransactionOfAReadingRequestReadsFromTheReplica() {
        try (var request = ReplicaReads.allow()) {
            assertThat(servedBy(true)).isEqualTo("replica standby");
            assertThat(servedBy(true)).isEqualTo("replica standby");
            assertThat(servedBy(false)).isEqualTo("primary postgres");
            // once the request wrote, it reads what it wrote: the primary for the rest of it
            assertThat(servedBy(true)).isEqualTo("primary postgres");
        }
        try (var request = ReplicaReads.allow()) {
            assertThat(servedBy(true)).as("the next request").isEqualTo("replica standby");
        }
        // a job, a listener, start-up: no reading request on this thread
        assertThat(servedBy(true)).isEqualTo("primary postgres");
        assertThat(servedBy(false)).isEqualTo("primary postgres");
    }

    @Test
    void flywayMigratesThePrimary() {
        assertThat(flyway.getConfiguration().getDataSource()).isInstanceOfSatisfying(HikariDataSource.class,
                pool -> assertThat(pool.getPoolName()).isEqualTo("primary"));
    }

    @Test
    void readingRequestsReadFromTheReplicaWritingOnesAndTheirClientsRightAfterFromThePrimary() {
        var owner = fixtures.approvedMerchant(Fixtures.unique("副本商户")).ownerToken();

        double before = replicaConnectionsTaken();
        assertThat(api.get("/api/v1/merchant/segments", owner).status()).isEqualTo(200);
        double afterList = replicaConnectionsTaken();
        assertThat(afterList).as("a list read from the replica").isGreaterThan(before);

        // a preview reads only, in a read-only transaction, but it is a POST: the primary, and the client is marked
        var rule = Map.of("field", "visits", "op", "gte", "value", 1);
        var preview = api.post("/api/v1/merchant/segments/preview", Map.of("rule", rule), owner);
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(replicaConnectionsTaken()).as("a POST reads from the primary").isEqualTo(afterList);
        assertThat(preview.header("Set-Cookie")).contains(ReplicaReadsFilter.COOKIE + "=1").contains("Max-Age=5");

        var created = api.post("/api/v1/merchant/segments", Map.of("name", "刚建的分群", "rule", rule), owner);
        assertThat(created.status()).isEqualTo(201);
        var readBack = api.send("GET", "/api/v1/merchant/segments", null, owner,
                Map.of("Cookie", ReplicaReadsFilter.COOKIE + "=1"));
        assertThat(readBack.raw()).contains("刚建的分群");
        assertThat(replicaConnectionsTaken()).as("the writer's next read stays on the primary").isEqualTo(afterList);

        assertThat(api.get("/api/v1/merchant/segments", owner).status()).isEqualTo(200);
        assertThat(replicaConnectionsTaken()).as("without the mark, the replica again").isGreaterThan(afterList);
    }

    private String servedBy(boolean readOnly) {
        var transaction = new TransactionTemplate(transactions);
        transaction.setReadOnly(readOnly);
        return transaction.execute(status -> JdbcClient.create(dataSource)
                .sql("select current_setting('application_name') || ' ' || current_user")
                .query(String.class).single());
    }

    private double replicaConnectionsTaken() {
        return meters.get("hikaricp.connections.acquire").tag("pool", "replica").timer().count();
    }

    private static EmbeddedPostgres startServer() {
        try {
            var server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            try (var connection = server.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create role standby login");
                statement.execute("grant pg_read_all_data to standby");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
