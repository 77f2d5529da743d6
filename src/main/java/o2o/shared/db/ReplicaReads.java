package o2o.shared.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Where a read-only transaction reads: the replica only while the current thread serves a request that may read
 * there ({@link #allow}) and has not written yet; anywhere else — writing requests, jobs, event listeners, start-up,
 * the event publication registry, and the rest of a reading request once it took a connection for writing
 * ({@link #primary}) — the primary. It is the read-only data source of the routing proxy, so it is asked only for
 * read-only transactions.
 */
final class ReplicaReads extends AbstractDataSource {

    private static final ThreadLocal<Boolean> ALLOWED = new ThreadLocal<>();

    private final DataSource replica;
    private final DataSource primary;

    ReplicaReads(DataSource replica, DataSource primary) {
        this.replica = replica;
        this.primary = primary;
    }

    /** Read-only transactions of this thread read from the replica until the returned scope is closed. */
    static Scope allow() {
        var before = ALLOWED.get();
        ALLOWED.set(Boolean.TRUE);
        return () -> {
            if (before == null) ALLOWED.remove();
            else ALLOWED.set(before);
        };
    }

    /** The stretch of a thread's work whose read-only transactions may read from the replica. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The primary as the routing proxy's target: taking a connection from it for anything but a read-only
     * transaction (a write, or a statement outside a transaction) keeps the rest of the thread's scope on the
     * primary, so a request that wrote reads what it wrote.
     */
    static DataSource primary(DataSource primary) {
        return new DelegatingDataSource(primary) {
            @Override
            public Connection getConnection() throws SQLException {
                if (ALLOWED.get() != null) ALLOWED.set(Boolean.FALSE);
                return super.getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                if (ALLOWED.get() != null) ALLOWED.set(Boolean.FALSE);
                return super.getConnection(username, password);
            }
        };
    }

    private DataSource current() {
        return Boolean.TRUE.equals(ALLOWED.get()) ? replica : primary;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return current().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return current().getConnection(username, password);
    }
}
