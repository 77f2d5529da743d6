package o2o.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import o2o.O2oApplication;
import o2o.shared.Problem;
import o2o.testing.Concurrently;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random sequences of earning, spending and transferring points, some of them sent twice, run from many threads at
 * once against the real ledger: afterwards every balance equals its journal, none is negative, the accounts sum to
 * zero, and no reference was posted twice.
 */
class LedgerPropertyTests {

    private static ConfigurableApplicationContext context;

    sealed interface Op permits Earn, Spend, Transfer {}

    record Earn(int member, long points) implements Op {}

    record Spend(int member, long points) implements Op {}

    record Transfer(int from, int to, long points) implements Op {}

    record Step(Op op, boolean sentTwice) {}

    static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(O2oApplication.class)
                    .profiles("test")
                    .properties("server.port=0")
                    .run();
        }
        return context;
    }

    @AfterContainer
    static void stop() {
        if (context != null) context.close();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        var member = Arbitraries.integers().between(0, 4);
        var points = Arbitraries.longs().between(1, 500);
        Arbitrary<Op> earn = Combinators.combine(member, points).as(Earn::new);
        Arbitrary<Op> spend = Combinators.combine(member, points).as(Spend::new);
        Arbitrary<Op> transfer = Combinators.combine(member, member, points)
                .filter((from, to, amount) -> !from.equals(to))
                .as((from, to, amount) -> new Transfer(from, to, amount));
        var op = Arbitraries.frequencyOf(
                Tuple.of(4, earn), Tuple.of(3, spend), Tuple.of(2, transfer));
        var step = Combinators.combine(op, Arbitraries.integers().between(0, 9)).as((o, r) -> new Step(o, r < 3));
        return step.list().ofMinSize(5).ofMaxSize(60);
    }

    @Property(tries = 25)
    void concurrentRandomPostingsKeepTheLedgerTrue(@ForAll("steps") List<Step> steps) throws Exception {
        var ledger = context().getBean(Ledger.class);
        var jdbc = context().getBean(JdbcClient.class);
        var program = UUID.randomUUID().toString();
        var issued = ledger.account(new AccountKey("ISSUED", "program:" + program, "program:" + program, "PTS"), null, true);
        var members = new ArrayList<Account>();
        for (int i = 0; i < 5; i++) {
            members.add(ledger.account(new AccountKey("POINTS", "customer:" + i, "program:" + program, "PTS"), null, false));
        }

        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < steps.size(); i++) {
            var reference = program + ":" + i;
            var postings = postings(steps.get(i).op(), issued, members);
            int sends = steps.get(i).sentTwice() ? 2 : 1;
            for (int s = 0; s < sends; s++) {
                tasks.add(() -> {
                    try {
                        return !ledger.post(reference, "property", null, postings).replayed();
                    } catch (Problem insufficient) {
                        return false;
                    }
                });
            }
        }
        var posted = Concurrently.atOnce(tasks).stream().filter(ok -> ok).count();

        var accounts = new ArrayList<>(members);
        accounts.add(issued);
        long total = 0;
        for (var account : accounts) {
            var balance = ledger.find(account.id()).orElseThrow().balance();
            var journal = jdbc.sql("select coalesce(sum(amount), 0) from ledger_posting where account_id = :a")
                    .param("a", account.id()).query(Long.class).single();
            assertThat(balance).as("balance of %s equals its journal", account.key()).isEqualTo(journal);
            if (!account.mayGoNegative()) assertThat(balance).isNotNegative();
            total += balance;
        }
        assertThat(total).as("double entry: all accounts sum to zero").isZero();
        var entries = jdbc.sql("select count(*), count(distinct reference) from ledger_entry where reference like :p")
                .param("p", program + ":%")
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        assertThat(entries[0]).as("no reference posted twice").isEqualTo(entries[1]).isEqualTo(posted);
    }

    private static List<Posting> postings(Op op, Account issued, List<Account> members) {
        return switch (op) {
            case Earn e -> List.of(new Posting(issued.id(), -e.points()), new Posting(members.get(e.member()).id(), e.points()));
            case Spend s -> List.of(new Posting(members.get(s.member()).id(), -s.points()), new Posting(issued.id(), s.points()));
            case Transfer t -> List.of(new Posting(members.get(t.from()).id(), -t.points()),
                    new Posting(members.get(t.to()).id(), t.points()));
        };
    }
}
