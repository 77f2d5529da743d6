package o2o.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MoveHolderIntegrationTests extends ApiTest {

    @Autowired
    Ledger ledger;

    record Holders(String from, String to, UUID merchant, Account points, Account credit, Account empty, Account issued) {}

    /** A holder with 700 points, a credit account at -250 (it may go negative) and an empty account. */
    Holders holders() {
        var from = "customer:" + UUID.randomUUID();
        var to = "customer:" + UUID.randomUUID();
        var merchant = UUID.randomUUID();
        var points = ledger.account(new AccountKey("POINTS", from, "program:p-" + merchant, "PTS"), merchant, false);
        var credit = ledger.account(new AccountKey("CREDIT", from, "merchant:" + merchant, "CNY"), merchant, true);
        var empty = ledger.account(new AccountKey("POINTS", from, "program:q-" + merchant, "PTS"), merchant, false);
        var issued = ledger.account(new AccountKey("ISSUED", "merchant:" + merchant, "program:p-" + merchant, "PTS"), merchant, true);
        var bank = ledger.account(new AccountKey("BANK", "merchant:" + merchant, "merchant:" + merchant, "CNY"), merchant, true);
        ledger.post("t:" + UUID.randomUUID(), "earn", merchant, List.of(new Posting(issued.id(), -700), new Posting(points.id(), 700)));
        ledger.post("t:" + UUID.randomUUID(), "credit", merchant, List.of(new Posting(bank.id(), 250), new Posting(credit.id(), -250)));
        return new Holders(from, to, merchant, points, credit, empty, issued);
    }

    long balance(AccountKey key) {
        return ledger.find(key).map(Account::balance).orElse(0L);
    }

    static AccountKey as(Account account, String holder) {
        var key = account.key();
        return new AccountKey(key.kind(), holder, key.scope(), key.unit());
    }

    @Test
    void everyNonZeroAccountOfAHolderMovesToTheSameKeyOfTheOtherAndOnlyOnce() {
        var h = holders();
        var moved = ledger.moveHolder(h.from(), h.to(), "merge:test:" + h.merchant());
        assertThat(moved).hasSize(2).noneMatch(Entry::replayed);
        assertThat(moved).extracting(Entry::reference).containsExactlyInAnyOrder(
                "merge:test:" + h.merchant() + ":" + h.points().id(), "merge:test:" + h.merchant() + ":" + h.credit().id());

        assertThat(balance(h.points().key())).isZero();
        assertThat(balance(h.credit().key())).isZero();
        assertThat(balance(as(h.points(), h.to()))).isEqualTo(700);
        assertThat(balance(as(h.credit(), h.to()))).isEqualTo(-250);
        var opened = ledger.find(as(h.credit(), h.to())).orElseThrow();
        assertThat(opened.mayGoNegative()).as("opened like the source").isTrue();
        assertThat(opened.merchantId()).isEqualTo(h.merchant());
        assertThat(ledger.find(as(h.empty(), h.to()))).as("an empty account is not copied").isEmpty();
        assertThat(ledger.find(h.issued().id()).orElseThrow().balance()).as("other holders untouched").isEqualTo(-700);

        assertThat(ledger.moveHolder(h.from(), h.to(), "merge:test:" + h.merchant())).isEmpty();
        assertThat(balance(as(h.points(), h.to()))).isEqualTo(700);
        assertThat(ledger.reconcile().clean()).isTrue();
    }

    @Test
    void movesRacingEachOtherMoveEachBalanceOnce() throws Exception {
        var h = holders();
        var results = Concurrently.atOnce(IntStream.range(0, 6).<Callable<List<Entry>>>mapToObj(i -> () ->
                ledger.moveHolder(h.from(), h.to(), "merge:race:" + h.merchant())).toList());
        assertThat(results.stream().mapToLong(r -> r.stream().filter(e -> !e.replayed()).count()).sum()).isEqualTo(2);
        assertThat(balance(as(h.points(), h.to()))).isEqualTo(700);
        assertThat(balance(as(h.credit(), h.to()))).isEqualTo(-250);
        assertThat(balance(h.points().key())).isZero();
        assertThat(ledger.reconcile().clean()).isTrue();
    }
}
