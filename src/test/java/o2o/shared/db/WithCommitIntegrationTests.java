package o2o.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import o2o.testing.Concurrently;
import o2o.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Statements sent with a transaction's commit: applied with it, failing with it, never without it. */
@IntegrationTest
class WithCommitIntegrationTests {

    static final class Refused extends RuntimeException {}

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TransactionTemplate transaction;

    @BeforeEach
    void table() {
        transaction = new TransactionTemplate(transactions);
        jdbc.sql("drop table if exists with_commit_probe").update();
        jdbc.sql("create table with_commit_probe (id int primary key, left_units int not null check (left_units >= 0))")
                .update();
        jdbc.sql("insert into with_commit_probe values (1, 3)").update();
    }

    @AfterEach
    void dropTable() {
        jdbc.sql("drop table if exists with_commit_probe").update();
    }

    @Test
    void theApplicationCommitsThroughTheManagerThatSendsThem() {
        assertThat(transactions).isInstanceOf(CommittingTransactionManager.class);
    }

    @Test
    void aStatementSentWithTheCommitIsAppliedWithTheTransactionsOtherWrites() {
        transaction.executeWithoutResult(status -> {
            insert(2, 10);
            take(1);
            take(1);
            assertThat(left(1)).as("nothing is sent before the commit").isEqualTo(3);
        });

        assertThat(left(1)).isEqualTo(1);
        assertThat(left(2)).isEqualTo(10);
        transaction.executeWithoutResult(status -> insert(3, 1));
        assertThat(left(3)).as("the connection goes on to the next transaction").isEqualTo(1);
    }

    @Test
    void aFailedStatementRollsTheTransactionBackAndIsReportedAsItsCallerAsked() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            insert(2, 10);
            WithCommit.send("update with_commit_probe set left_units = left_units - ? where id = ?", List.of(5, 1),
                    e -> "with_commit_probe_left_units_check".equals(WithCommit.constraint(e)) ? new Refused() : null);
        })).isInstanceOf(Refused.class);

        assertThat(left(1)).isEqualTo(3);
        assertThat(count()).as("the transaction's other writes rolled back").isEqualTo(1);
        transaction.executeWithoutResult(status -> take(1));
        assertThat(left(1)).as("the connection is fit for the next transaction").isEqualTo(2);
    }

    @Test
    void aFailureNoStatementClaimsIsTheCommitsOwn() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            insert(2, 10);
            WithCommit.send("insert into with_commit_probe values (?, ?)", List.of(2, 1), e -> null);
        })).isInstanceOf(DataAccessException.class);

        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aTransactionThatRollsBackNeverSendsThem() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            take(1);
            throw new Refused();
        })).isInstanceOf(Refused.class);
        transaction.executeWithoutResult(status -> {
            take(1);
            status.setRollbackOnly();
        });

        assertThat(left(1)).isEqualTo(3);
    }

    @Test
    void anInnerTransactionCommitsWithItsOwnStatementsOnly() {
        var inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(status -> {
            take(1);
            inner.executeWithoutResult(s -> WithCommit.send(
                    "update with_commit_probe set left_units = 7 where id = ?", List.of(1), e -> null));
            assertThat(left(1)).as("the inner transaction's statement, committed").isEqualTo(7);
        });

        assertThat(left(1)).as("the outer one's, at its own commit").isEqualTo(6);
    }

    @Test
    void noStatementIsSentWithoutATransactionToCommit() {
        assertThatThrownBy(() -> take(1)).isInstanceOf(IllegalStateException.class);
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        assertThatThrownBy(() -> readOnly.executeWithoutResult(status -> take(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyTransactionsTakingFromOneRowAtOnceTakeExactlyWhatItHolds() throws Exception {
        jdbc.sql("update with_commit_probe set left_units = 25 where id = 1").update();
        var refused = new AtomicInteger();
        var attempts = new ArrayList<Callable<Boolean>>();
        IntStream.range(0, 60).forEach(i -> attempts.add(() -> {
            try {
                transaction.executeWithoutResult(status -> {
                    insert(100 + i, 1);
                    WithCommit.send("update with_commit_probe set left_units = left_units - 1 where id = ?",
                            List.of(1), e -> "with_commit_probe_left_units_check".equals(WithCommit.constraint(e))
                                    ? new Refused() : null);
                });
                return true;
            } catch (Refused e) {
                refused.incrementAndGet();
                return false;
            }
        }));

        var results = Concurrently.atOnce(attempts);

        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(25);
        assertThat(refused).hasValue(35);
        assertThat(left(1)).isZero();
        assertThat(count()).as("the probe row and one row per taker").isEqualTo(26);
    }

    private void take(int units) {
        WithCommit.send("update with_commit_probe set left_units = left_units - ? where id = ?", List.of(units, 1),
                e -> null);
    }

    private void insert(int id, int units) {
        jdbc.sql("insert into with_commit_probe values (:id, :units)").param("id", id).param("units", units).update();
    }

    private int left(int id) {
        return jdbc.sql("select left_units from with_commit_probe where id = :id").param("id", id)
                .query(Integer.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from with_commit_probe").query(Long.class).single();
    }
}
