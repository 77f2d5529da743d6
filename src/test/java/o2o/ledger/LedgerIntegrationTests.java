package o2o.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class LedgerIntegrationTests extends ApiTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    Account issued(String program) {
        return ledger.account(new AccountKey("ISSUED", "program:" + program, "program:" + program, "PTS"), null, true);
    }

    Account points(String program, String customer) {
        return ledger.account(new AccountKey("POINTS", "customer:" + customer, "program:" + program, "PTS"), null, false);
    }

    @Test
    void anEntryMovesPointsBetweenAccountsAndIsPostedOnceByItsReference() {
        var program = UUID.randomUUID().toString();
        var issued = issued(program);
        var alice = points(program, "alice");
        var reference = "order:" + UUID.randomUUID() + ":earn";
        var entry = ledger.post(reference, "earned on an order", null,
                List.of(new Posting(issued.id(), -120), new Posting(alice.id(), 120)));
        assertThat(entry.replayed()).isFalse();

        var again = ledger.post(reference, "earned on an order", null,
                List.of(new Posting(issued.id(), -120), new Posting(alice.id(), 120)));
        assertThat(again.replayed()).isTrue();
        assertThat(again.id()).isEqualTo(entry.id());
        assertThat(ledger.find(alice.id()).orElseThrow().balance()).isEqualTo(120);
        assertThat(ledger.find(issued.id()).orElseThrow().balance()).isEqualTo(-120);
        assertThat(ledger.history(alice.id(), 10)).singleElement()
                .satisfies(line -> assertThat(line.reference()).isEqualTo(reference));
    }

    @Test
    void anAccountIdIsRememberedOnlyOnceItsOpeningCommitted() {
        var key = new AccountKey("POINTS", "customer:" + UUID.randomUUID(), "program:remembered", "PTS");
        var rolledBack = tx.execute(status -> {
            var id = ledger.accountId(key, null, false);
            status.setRollbackOnly();
            return id;
        });
        assertThat(ledger.find(key)).as("the opening rolled back").isEmpty();

        var opened = ledger.accountId(key, null, false);
        assertThat(opened).isNotEqualTo(rolledBack);
        assertThat(ledger.find(key).orElseThrow().id()).isEqualTo(opened);
        // remembered now: the same id without a read, and a posting to it lands
        assertThat(ledger.accountId(key, null, false)).isEqualTo(opened);
        var issued = issued("remembered");
        ledger.post("remembered:" + UUID.randomUUID(), "bonus", null,
                List.of(new Posting(issued.id(), -5), new Posting(ledger.accountId(key, null, false), 5)));
        assertThat(ledger.find(opened).orElseThrow().balance()).isEqualTo(5);
    }

    @Test
    void unbalancedOrEmptyEntriesAreRefused() {
        var program = UUID.randomUUID().toString();
        var issued = issued(program);
        var bob = points(program, "bob");
        assertThatThrownBy(() -> ledger.post("x:" + UUID.randomUUID(), "bad", null,
                List.of(new Posting(issued.id(), -10), new Posting(bob.id(), 11)))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ledger.post("x:" + UUID.randomUUID(), "bad", null,
                List.of(new Posting(bob.id(), 0), new Posting(issued.id(), 0)))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ledger.post("x:" + UUID.randomUUID(), "bad", null, List.of(new Posting(bob.id(), 5))))
                .isInstanceOf(InvalidInput.class);
        assertThat(ledger.find(bob.id()).orElseThrow().balance()).isZero();
    }

    @Test
    void aMemberBalanceNeverGoesBelowZeroAndAFailedEntryLeavesNothing() {
        var program = UUID.randomUUID().toString();
        var issued = issued(program);
        var carol = points(program, "carol");
        ledger.post("earn:" + UUID.randomUUID(), "earn", null, List.of(new Posting(issued.id(), -50), new Posting(carol.id(), 50)));
        var overspend = "spend:" + UUID.randomUUID();
        assertThatThrownBy(() -> ledger.post(overspend, "spend", null,
                List.of(new Posting(carol.id(), -51), new Posting(issued.id(), 51))))
                .isInstanceOf(Problem.class)
                .hasFieldOrPropertyWithValue("slug", "insufficient-balance");
        assertThat(ledger.find(carol.id()).orElseThrow().balance()).isEqualTo(50);
        assertThat(ledger.entry(overspend)).isEmpty();
    }

    @Test
    void fiftyOfAHundredSimultaneousSpendsOfTenFromFiveHundredSucceed() throws Exception {
        var program = UUID.randomUUID().toString();
        var issued = issued(program);
        var dave = points(program, "dave");
        ledger.post("earn:" + UUID.randomUUID(), "earn", null, List.of(new Posting(issued.id(), -500), new Posting(dave.id(), 500)));
        var results = Concurrently.atOnce(IntStream.range(0, 100).<Callable<Boolean>>mapToObj(i -> () -> {
            try {
                ledger.post("spend:" + program + ":" + i, "spend", null,
                        List.of(new Posting(dave.id(), -10), new Posting(issued.id(), 10)));
                return true;
            } catch (Problem insufficient) {
                return false;
            }
        }).toList());
        assertThat(results).filteredOn(ok -> ok).hasSize(50);
        assertThat(ledger.find(dave.id()).orElseThrow().balance()).isZero();
        assertThat(ledger.reconcile().clean()).isTrue();
    }

    @Test
    void theJournalCannotBeEditedAndEveryEntryMustBalanceAtCommit() {
        var program = UUID.randomUUID().toString();
        var issued = issued(program);
        var erin = points(program, "erin");
        var entry = ledger.post("earn:" + UUID.randomUUID(), "earn", null,
                List.of(new Posting(issued.id(), -5), new Posting(erin.id(), 5)));
        assertThatThrownBy(() -> jdbc.sql("update ledger_posting set amount = 500 where entry_id = :e")
                .param("e", entry.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_entry where id = :e").param("e", entry.id()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            var sneaky = UUID.randomUUID();
            jdbc.sql("insert into ledger_entry (id, reference, description, created_at) values (:id, :r, 'x', now())")
                    .param("id", sneaky).param("r", "sneaky:" + sneaky).update();
            jdbc.sql("insert into ledger_posting (entry_id, account_id, amount, created_at) values (:e, :a, 7, now())")
                    .param("e", sneaky).param("a", erin.id()).update();
        })).rootCause().hasMessageContaining("does not balance");
    }

    @Test
    void operatorsReconcileTheLedgerOverTheApi() {
        var clean = api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken());
        assertThat(clean.status()).isEqualTo(200);
        assertThat(clean.body().path("differences").size()).isZero();
        assertThat(clean.body().path("unbalancedEntries").size()).isZero();
        var customer = fixtures.customerToken(o2o.testing.Fixtures.uniquePhone());
        assertThat(api.get("/api/v1/admin/ledger/reconcile", customer).status()).isEqualTo(403);
    }
}
