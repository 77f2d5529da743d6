package o2o.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A statement sent to PostgreSQL with its transaction's {@code COMMIT}, in the same round trip, as the transaction's
 * last statement ({@link CommittingTransactionManager} sends them). For a row that every writer waits for: its lock is
 * then held for the statement and the commit alone, not also while the answer travels back to this node and the
 * {@code COMMIT} travels to the database (which, on a busy node, includes waiting for a thread to run on). And for a
 * write nothing in the transaction reads back ({@link #write}): it costs no round trip of its own. A statement that
 * fails rolls the whole transaction back; its {@link Failure} says what that means to the caller.
 */
public final class WithCommit {

    private static final Logger log = LoggerFactory.getLogger(WithCommit.class);

    /** What a failed statement means: the exception to throw instead, or null when it is not this statement's. */
    @FunctionalInterface
    public interface Failure {

        @Nullable RuntimeException translate(SQLException e);
    }

    private WithCommit() {}

    /**
     * Sends {@code sql} (one statement, {@code ?} for each of {@code params}, which may be {@code SqlParameterValue}s)
     * with the surrounding transaction's commit, after every other statement of it; never, if the transaction rolls
     * back. (A savepoint rolled back to would not take it back; the application uses none.)
     */
    public static void send(String sql, List<?> params, Failure failure) {
        if (!inReadWriteTransaction()) {
            throw new IllegalStateException("a statement sent with the commit needs a read-write transaction");
        }
        var pending = pending();
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.statements.add(new Statement(sql, Collections.unmodifiableList(new ArrayList<>(params)), failure));
    }

    /**
     * A write whose outcome nothing in the transaction reads, such as an outbox's row: sent with the commit when there
     * is a read-write transaction to commit (a round trip fewer; should it fail, the commit fails, as the write would
     * have failed the transaction), and run at once otherwise.
     */
    public static void write(JdbcClient jdbc, String sql, List<?> params) {
        if (inReadWriteTransaction()) send(sql, params, e -> null);
        else jdbc.sql(sql).params(params).update();
    }

    private static boolean inReadWriteTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    /** The statements the current transaction sends with its commit, if any. */
    static @Nullable Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
        for (var synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending) return pending;
        }
        return null;
    }

    /** The constraint a statement broke, as PostgreSQL names it, or null. */
    public static @Nullable String constraint(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }

    private record Statement(String sql, List<Object> params, Failure failure) {}

    /** A transaction's statements for its commit; a transaction that committed without sending them is a bug. */
    static final class Pending implements TransactionSynchronization {

        private final List<Statement> statements = new ArrayList<>(2);
        private boolean sent;

        /**
         * Sends the statements and {@code COMMIT} as one query (PostgreSQL's driver sends its parts at once and waits
         * once). After it the connection's transaction is over, so the driver's own commit sends nothing. On a
         * failure, returns what a statement's caller asked to throw for it, or throws the failure as it came when no
         * statement claims it (the commit's own, such as a deferred constraint's).
         */
        @Nullable RuntimeException sendWithCommit(Connection connection) throws SQLException {
            sent = true;
            var sql = new StringJoiner(";\n", "", ";\ncommit");
            for (var statement : statements) sql.add(statement.sql());
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                int index = 1;
                for (var statement : statements) {
                    for (var param : statement.params()) {
                        StatementCreatorUtils.setParameterValue(query, index++, SqlTypeValue.TYPE_UNKNOWN, param);
                    }
                }
                query.execute();
                return null;
            } catch (SQLException e) {
                for (var statement : statements) {
                    var translated = statement.failure().translate(e);
                    if (translated != null) return translated;
                }
                throw e;
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && !sent) {
                log.error("A transaction committed without the statements it was to send with its commit: {}",
                        statements.stream().map(Statement::sql).toList());
            }
        }
    }
}
