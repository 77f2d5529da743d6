package o2o.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs a real PostgreSQL server inside the application when no {@code spring.datasource.url} is configured, so one
 * command starts the whole product on a machine that has only a JDK. The data lives in {@code o2o.db.embedded.data-dir}
 * and survives restarts; an empty data-dir gives a throw-away database (the tests use that).
 * <p>
 * The server runs detached from the JVM (zonky starts it with {@code pg_ctl}). So that a killed JVM does not leave
 * it running, a watchdog stops it when the JVM is gone; and should one still be running on the data folder at start
 * (the watchdog was killed too), it is stopped before the new one starts, instead of the start failing.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties,
            @Value("${o2o.db.replica.url:}") String replicaUrl) throws IOException {
        if (!replicaUrl.isBlank()) {
            throw new IllegalStateException("A read replica (O2O_DB_REPLICA_URL) replicates a standalone primary: "
                    + "set O2O_DB_URL to it too, or leave the replica out to run the embedded PostgreSQL");
        }
        var builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", properties.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", properties.durable() ? "on" : "off");
        if (properties.statementStatistics()) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        if (!properties.dataDir().isBlank()) {
            Path dir = Path.of(properties.dataDir()).toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            LeftoverServer.stopIfRunning(dir, Duration.ofSeconds(60));
        }
        var postgres = builder.start();
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data: {})", postgres.getPort(),
                properties.dataDir().isBlank() ? "temporary" : properties.dataDir());
        return postgres;
    }

    /** Stops the server if this JVM dies; closed (before the server stops) when the application stops normally. */
    @Bean(destroyMethod = "close")
    PostmasterWatchdog postmasterWatchdog(EmbeddedPostgres postgres) {
        try {
            return PostmasterWatchdog.start(postmasterPid(postgres));
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("Embedded PostgreSQL: its pid could not be read, so no watchdog ({})", e.toString());
            return PostmasterWatchdog.none();
        }
    }

    private static long postmasterPid(EmbeddedPostgres postgres) throws SQLException, IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select current_setting('data_directory')")) {
            rows.next();
            var pidFile = Path.of(rows.getString(1)).resolve("postmaster.pid");
            return Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        }
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var url = "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(postgres.getPort());
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(url)
                .username("postgres")
                .password("")
                .build();
    }

}
