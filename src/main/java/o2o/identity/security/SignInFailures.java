package o2o.identity.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.identity.security.FailureCounts.Count;
import o2o.shared.RateLimitProperties;
import o2o.shared.SidePool;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where the sign-in back-off keeps its failure counts, by {@code o2o.rate-limits.store} like the rate limits: by
 * default in PostgreSQL ({@code sign_in_backoff}, one row per key, changed in one short transaction under
 * {@code select … for update}), so a guess counts on every node; or in this node's memory. The table is reached
 * through a small pool of its own: a count is changed while a sign-in may hold one of the application's connections,
 * and while it is locked the account's bucket is read through the rate limits' pool, never this one. Counts an hour
 * past their latest failure are deleted by {@link #removeExpired()}.
 */
@Component
public class SignInFailures implements DisposableBean {

    private final Clock clock;
    private final @Nullable HikariDataSource pool;

    SignInFailures(Clock clock, RateLimitProperties properties, DataSource dataSource) {
        this.clock = clock;
        this.pool = properties.store() == RateLimitProperties.Store.POSTGRESQL
                ? SidePool.beside(dataSource, "sign-in-backoff", properties.poolSize())
                : null;
    }

    /** The counts of one kind of key ({@code kind} keeps the kinds apart in the table). */
    FailureCounts of(String kind) {
        if (pool == null) return FailureCounts.inMemory(FailureBackoff.MEMORY);
        var shared = pool;
        return new FailureCounts() {
            @Override
            public void change(String key, UnaryOperator<@Nullable Count> change) {
                inTransaction(shared, connection -> changeRow(connection, row(kind, key), change));
            }

            @Override
            public void forget(String key) {
                inTransaction(shared, connection -> update(connection,
                        "delete from sign_in_backoff where key = ?", row(kind, key)));
            }
        };
    }

    /** Deletes the counts whose latest failure is {@link FailureBackoff#MEMORY} old (nothing in memory: it forgets). */
    @Scheduled(fixedDelayString = "${o2o.rate-limits.cleanup-interval:10m}")
    @SchedulerLock(name = "identity.sign-in-backoff-cleanup", lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    public void removeExpired() {
        if (pool == null) return;
        var before = clock.instant().minus(FailureBackoff.MEMORY);
        inTransaction(pool, connection -> {
            try (var delete = connection.prepareStatement("delete from sign_in_backoff where last_at <= ?")) {
                delete.setObject(1, at(before));
                delete.executeUpdate();
            }
        });
    }

    @Override
    public void destroy() {
        if (pool != null) pool.close();
    }

    /** PostgreSQL's text holds no NUL, which a key taken from input (a username) may carry. */
    private static String row(String kind, String key) {
        return kind + ':' + key.replace('\0', '\uFFFD');
    }

    private static void changeRow(Connection connection, String key, UnaryOperator<@Nullable Count> change)
            throws SQLException {
        Count current;
        // a row deleted between the insert and the lock is inserted again
        while (true) {
            update(connection, "insert into sign_in_backoff (key, failures, last_at) values (?, 0, ?)"
                    + " on conflict (key) do nothing", key, at(Instant.EPOCH));
            try (var select = connection.prepareStatement(
                    "select failures, last_at from sign_in_backoff where key = ? for update")) {
                select.setString(1, key);
                try (var rows = select.executeQuery()) {
                    if (!rows.next()) continue;
                    current = rows.getInt(1) == 0 ? null
                            : new Count(rows.getInt(1), rows.getObject(2, OffsetDateTime.class).toInstant());
                    break;
                }
            }
        }
        var next = change.apply(current);
        if (next == null) {
            update(connection, "delete from sign_in_backoff where key = ?", key);
        } else if (!next.equals(current)) {
            update(connection, "update sign_in_backoff set failures = ?, last_at = ? where key = ?",
                    next.failures(), at(next.last()), key);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            statement.executeUpdate();
        }
    }

    /** To the microsecond PostgreSQL keeps, cut rather than rounded: a failure is never stored later than it was. */
    private static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private static void inTransaction(DataSource pool, Work work) {
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("sign-in back-off", null, e);
        }
    }
}
