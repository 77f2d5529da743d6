package o2o.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import o2o.O2oApplication;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.testing.Concurrently;
import o2o.wallet.StoredValue;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random sequences of what moves points and stored value — earning points for an order, giving them back on a
 * refund, spending and expiring them, topping up stored value, paying with it at the counter, and paying back its
 * principal — some of them sent twice, all run from many threads at once against the real ledger and wallet.
 * Afterwards every balance equals its journal, none that may not go negative is, each unit's accounts sum to zero,
 * every operation that went through is one entry (a replay posts nothing), and the reconciliation endpoint is clean.
 * A new kind of posting is one more {@link Op} record and one more line in {@link #steps()}.
 */
class LedgerPropertyTests {

    private static final int MEMBERS = 5;
    private static ConfigurableApplicationContext context;
    private static String operatorToken;

    /** The accounts and actors of one try: one merchant, one points program, a few members. */
    record World(Ledger ledger, StoredValue wallet, UUID merchant, UUID program, List<UUID> customers,
            StaffPrincipal cashier, StaffPrincipal owner) {

        Account points(int member) {
            return ledger.account(new AccountKey("POINTS", "customer:" + customers.get(member), "program:" + program,
                    "PTS"), merchant, false);
        }

        Account merchantPoints(String kind) {
            return ledger.account(new AccountKey(kind, "merchant:" + merchant, "program:" + program, "PTS"), merchant,
                    true);
        }

        Account expired() {
            return ledger.account(new AccountKey("EXPIRED", "program:" + program, "program:" + program, "PTS"), null,
                    true);
        }

        /** Posts points between two accounts under the reference the real flow uses. */
        void movePoints(String reference, Account from, Account to, long points) {
            ledger.post(reference, "property", merchant, List.of(new Posting(from.id(), -points),
                    new Posting(to.id(), points)));
        }
    }

    /** One operation; {@code key} is the step's own, so a step sent twice carries the same idempotency reference. */
    sealed interface Op permits Earn, GiveBack, SpendPoints, Expire, TopUp, PayWithBalance, RefundPrincipal {
        /** Performs the operation; returns the ledger reference it posts under. */
        String run(World world, String key);
    }

    record Earn(int member, long points) implements Op {
        public String run(World w, String key) {
            var reference = "order:" + key + ":earn";
            w.movePoints(reference, w.merchantPoints("ISSUED"), w.points(member), points);
            return reference;
        }
    }

    record GiveBack(int member, long points) implements Op {
        public String run(World w, String key) {
            var reference = "order:" + key + ":refund:voucher";
            w.movePoints(reference, w.points(member), w.merchantPoints("ISSUED"), points);
            return reference;
        }
    }

    record SpendPoints(int member, long points) implements Op {
        public String run(World w, String key) {
            var reference = "order:" + key + ":points";
            w.movePoints(reference, w.points(member), w.merchantPoints("REDEEMED"), points);
            return reference;
        }
    }

    record Expire(int member, long points) implements Op {
        public String run(World w, String key) {
            var reference = "lot:" + key + ":expire";
            w.movePoints(reference, w.points(member), w.expired(), points);
            return reference;
        }
    }

    record TopUp(int member, long yuan) implements Op {
        public String run(World w, String key) {
            w.wallet().topUp(w.cashier(), w.customers().get(member), Money.cny(yuan * 100), key);
            return "top-up:" + w.merchant() + ":" + key;
        }
    }

    record PayWithBalance(int member, long yuan) implements Op {
        public String run(World w, String key) {
            return w.wallet().charge(w.cashier(), w.customers().get(member), Money.cny(yuan * 100), "", key).reference();
        }
    }

    record RefundPrincipal(int member) implements Op {
        public String run(World w, String key) {
            return w.wallet().refundPrincipal(w.owner(), w.customers().get(member), key).reference();
        }
    }

    record Step(Op op, boolean sentTwice) {}

    static synchronized ConfigurableApplicationContext context() throws Exception {
        if (context == null) {
            context = new SpringApplicationBuilder(O2oApplication.class)
                    .profiles("test")
                    .properties("server.port=0")
                    .run();
            var login = http("POST", "/api/v1/auth/staff/login",
                    "{\"username\":\"operator\",\"password\":\"operator-pass\"}", null);
            operatorToken = JsonMapper.builder().build().readTree(login).path("token").asString();
        }
        return context;
    }

    @AfterContainer
    static void stop() {
        if (context != null) context.close();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        var member = Arbitraries.integers().between(0, MEMBERS - 1);
        var points = Arbitraries.longs().between(1, 500);
        var yuan = Arbitraries.longs().between(1, 800);
        var op = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(member, points).as(Earn::new)),
                Tuple.of(1, Combinators.combine(member, points).as(GiveBack::new)),
                Tuple.of(2, Combinators.combine(member, points).as(SpendPoints::new)),
                Tuple.of(1, Combinators.combine(member, points).as(Expire::new)),
                Tuple.of(3, Combinators.combine(member, yuan).as(TopUp::new)),
                Tuple.of(3, Combinators.combine(member, yuan).as(PayWithBalance::new)),
                Tuple.of(1, member.map(RefundPrincipal::new)));
        var step = Combinators.combine(op.map(Op.class::cast), Arbitraries.integers().between(0, 9))
                .as((o, r) -> new Step(o, r < 3));
        return step.list().ofMinSize(5).ofMaxSize(60);
    }

    @Property(tries = 25)
    void concurrentRandomPostingsAndReplaysKeepTheLedgerTrue(@ForAll("steps") List<Step> steps) throws Exception {
        var ledger = context().getBean(Ledger.class);
        var wallet = context().getBean(StoredValue.class);
        var jdbc = context().getBean(JdbcClient.class);
        var merchant = UUID.randomUUID();
        var owner = new StaffPrincipal(UUID.randomUUID(), "owner", merchant, Role.OWNER, Set.of());
        var customers = new ArrayList<UUID>();
        for (int i = 0; i < MEMBERS; i++) customers.add(UUID.randomUUID());
        var world = new World(ledger, wallet, merchant, UUID.randomUUID(), customers,
                new StaffPrincipal(UUID.randomUUID(), "cashier", merchant, Role.CASHIER, Set.of()), owner);
        wallet.setRules(owner, Map.of(10_000L, 1_000L, 50_000L, 5_500L));
        wallet.setRefundRule(owner, new StoredValue.RefundRule(true, 30));

        var postedReferences = ConcurrentHashMap.<String>newKeySet();
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            var key = merchant + "-" + i;
            for (int s = 0; s < (step.sentTwice() ? 2 : 1); s++) {
                tasks.add(() -> {
                    try {
                        postedReferences.add(step.op().run(world, key));
                    } catch (Problem refused) {
                        // not enough points or stored value, nothing to refund: a correct answer that posts nothing
                    }
                    return null;
                });
            }
        }
        Concurrently.atOnce(tasks);

        var accounts = jdbc.sql("""
                        select distinct a.id from ledger_account a join ledger_posting p on p.account_id = a.id
                        join ledger_entry e on e.id = p.entry_id where e.merchant_id = :m
                        """)
                .param("m", merchant).query(UUID.class).list();
        var totalByUnit = new HashMap<String, Long>();
        for (var id : accounts) {
            var account = ledger.find(id).orElseThrow();
            var journal = jdbc.sql("select coalesce(sum(amount), 0) from ledger_posting where account_id = :a")
                    .param("a", id).query(Long.class).single();
            assertThat(account.balance()).as("balance of %s equals its journal", account.key()).isEqualTo(journal);
            if (!account.mayGoNegative()) assertThat(account.balance()).as("%s", account.key()).isNotNegative();
            totalByUnit.merge(account.key().unit(), account.balance(), Long::sum);
        }
        assertThat(totalByUnit.values()).as("double entry: each unit's accounts sum to zero").allMatch(t -> t == 0);
        var references = jdbc.sql("select reference from ledger_entry where merchant_id = :m")
                .param("m", merchant).query(String.class).list();
        assertThat(references).as("each operation that went through posted exactly one entry, replays none")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(postedReferences);
        var reconciled = JsonMapper.builder().build()
                .readTree(http("GET", "/api/v1/admin/ledger/reconcile", null, operatorToken));
        assertThat(reconciled.path("differences").size()).as("reconciliation: balances").isZero();
        assertThat(reconciled.path("unbalancedEntries").size()).as("reconciliation: entries").isZero();
    }

    private static String http(String method, String path, String body, String token) throws Exception {
        var port = context.getEnvironment().getProperty("local.server.port");
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return response.body();
        }
    }
}
