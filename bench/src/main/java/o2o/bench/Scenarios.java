package o2o.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The scenarios: set up through the API, drive it under load, check what must hold. The short ones are methods here;
 * {@link PosScenario}, {@link TableOrderScenario}, {@link DashboardScenario}, {@link CampaignScenario} and
 * {@link SegmentsScenario} and {@link DeliveryScenario} have classes of their own.
 */
final class Scenarios {

    /** What every scenario gets: the API, its sizes, the ceilings, the app's figures. */
    record Context(Api api, String operator, int clients, Duration duration, PgBench.Ceiling tpcb,
            PgBench.Ceiling selectOnly, PgBench.Ceiling hotRow, Map<String, Object> app, Map<String, Object> dataset,
            int flashUnits, int flashBuyers, int redeemVouchers, Duration warmup, PgBench database, int posStores,
            int posMembers, int tableDiners) {}

    private Scenarios() {}

    /** A scenario's results: one, or one per part ({@code delivery}: its quotes, then its orders). */
    static List<Result> runAll(String name, Context context) throws Exception {
        if (name.equals("delivery")) return DeliveryScenario.run(context);
        return List.of(run(name, context));
    }

    static Result run(String name, Context context) throws Exception {
        return switch (name) {
            case "nearby" -> nearby(context);
            case "checkout" -> checkout(context);
            case "flash-sale" -> flashSale(context);
            case "redeem" -> redeem(context);
            case "points" -> points(context);
            case "pos" -> PosScenario.run(context);
            case "table-order" -> TableOrderScenario.run(context);
            case "dashboard" -> DashboardScenario.run(context);
            case "campaign" -> CampaignScenario.run(context);
            case "segments" -> SegmentsScenario.run(context);
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        };
    }

    /** Stores near random points within about 10 km of People's Square, 3 km radius, 20 per page. */
    static Result nearby(Context c) throws Exception {
        Load.Operation search = client -> {
            var random = ThreadLocalRandom.current();
            double lat = 31.2304 + (random.nextDouble() - 0.5) * 0.18;
            double lng = 121.4737 + (random.nextDouble() - 0.5) * 0.21;
            return c.api().status("/api/v1/stores/nearby?lat=%.6f&lng=%.6f&radiusMeters=3000&limit=20"
                    .formatted(lat, lng), null) == 200;
        };
        // the JIT compiles the search path first; what a running server does is what is measured
        Load.run(c.clients(), c.warmup(), new Recorder(), search);
        var recorder = new Recorder();
        var started = Instant.now();
        double seconds = Load.run(c.clients(), c.duration(), recorder, search);
        return Result.of("nearby", c.clients(), seconds, recorder, recorder.operations() / seconds, c.selectOnly(),
                Map.of(), c.app(), c.dataset(), started);
    }

    /**
     * Order, sandbox payment and the payer's confirmation; vouchers must follow for every confirmed checkout. The
     * path runs unmeasured for {@code --warmup} seconds first, by customers of their own, so class loading and the
     * JIT's first compilations (the gateway page's template engine starts on its first page) are not counted.
     */
    static Result checkout(Context c) throws Exception {
        var merchant = c.api().merchant(c.operator());
        var deal = c.api().deal(merchant, 2990, null, false);
        var warmupCustomers = c.api().customers(Math.max(c.clients(), 4));
        var warmupNext = new AtomicInteger();
        Load.run(c.clients(), c.warmup(), new Recorder(), client -> checkout(c, deal,
                warmupCustomers.get(Math.floorMod(warmupNext.getAndIncrement(), warmupCustomers.size()))));
        var customers = c.api().customers(Math.max(c.clients() * 2, 8));
        var confirmed = new AtomicLong();
        var next = new AtomicInteger();
        var recorder = new Recorder();
        var started = Instant.now();
        double seconds = Load.run(c.clients(), c.duration(), recorder, client -> {
            var customer = customers.get(Math.floorMod(next.getAndIncrement(), customers.size()));
            boolean paid = checkout(c, deal, customer);
            if (paid) confirmed.incrementAndGet();
            return paid;
        });
        long vouchers = awaitVouchers(c.api(), customers, confirmed.get());
        var checks = new LinkedHashMap<String, Object>();
        checks.put("checkoutsConfirmed", confirmed.get());
        checks.put("vouchersIssued", vouchers);
        return Result.of("checkout", c.clients(), seconds, recorder, recorder.operations() / seconds, c.tpcb(), checks,
                c.app(), c.dataset(), started);
    }

    private static boolean checkout(Context c, String deal, String customer) throws Exception {
        var order = c.api().order(customer, deal, 1);
        return order.status() == 201 && c.api().payWithSandbox(customer, order.body().path("id").asString());
    }

    /**
     * N buyers, S units, one deal: every buyer tries once, as fast as the clients go; the winners then pay.
     * Throughput is successful purchases per second while there was stock to buy (from the first attempt to the last
     * successful purchase); the attempts per second of the whole phase, sold-out answers included, are a check.
     * Latency covers every attempt (a sold-out answer is a correct one); nothing may be sold twice.
     */
    static Result flashSale(Context c) throws Exception {
        var merchant = c.api().merchant(c.operator());
        var deal = c.api().deal(merchant, 990, c.flashUnits(), true);
        var buyers = c.api().customers(c.flashBuyers());
        var queue = new ConcurrentLinkedQueue<>(buyers);
        var winners = new ConcurrentLinkedQueue<String[]>();
        var soldOut = new AtomicLong();
        var recorder = new Recorder();
        var started = Instant.now();
        long phaseStart = System.nanoTime();
        var lastSale = new AtomicLong(phaseStart);
        Load.run(c.clients(), Duration.ofMinutes(2), recorder, client -> {
            var buyer = queue.poll();
            if (buyer == null) throw new Done();
            var order = c.api().order(buyer, deal, 1);
            if (order.status() == 201) {
                winners.add(new String[] {buyer, order.body().path("id").asString()});
                lastSale.accumulateAndGet(System.nanoTime(), Math::max);
                return true;
            }
            if (order.body().path("type").asString("").endsWith("deal-sold-out")) {
                soldOut.incrementAndGet();
                return true; // "sold out" is the right answer for a buyer who came too late
            }
            return false;
        }, queue::isEmpty);
        double phaseSeconds = (System.nanoTime() - phaseStart) / 1e9;
        double sellingSeconds = Math.max(1e-3, (lastSale.get() - phaseStart) / 1e9);
        var payers = new ArrayList<>(winners);
        var payQueue = new ConcurrentLinkedQueue<>(payers);
        Load.run(c.clients(), Duration.ofMinutes(2), new Recorder(), client -> {
            var winner = payQueue.poll();
            if (winner == null) throw new Done();
            return c.api().payWithSandbox(winner[0], winner[1]);
        }, payQueue::isEmpty);
        var winnerTokens = payers.stream().map(w -> w[0]).toList();
        long vouchers = awaitVouchers(c.api(), winnerTokens, payers.size());
        var checks = new LinkedHashMap<String, Object>();
        checks.put("units", c.flashUnits());
        checks.put("buyers", buyers.size());
        checks.put("sold", payers.size());
        checks.put("soldOut", soldOut.get());
        checks.put("vouchersIssued", vouchers);
        checks.put("oversold", Math.max(0, Math.max(payers.size(), vouchers) - c.flashUnits()));
        checks.put("sellingSeconds", Result.round(sellingSeconds));
        checks.put("attemptsPerSecond", Result.round(buyers.size() / phaseSeconds));
        return Result.of("flash-sale", c.clients(), phaseSeconds, recorder, payers.size() / sellingSeconds, c.hotRow(),
                checks, c.app(), c.dataset(), started);
    }

    /** Distinct vouchers redeemed at the counter by several cashiers. */
    static Result redeem(Context c) throws Exception {
        var merchant = c.api().merchant(c.operator());
        var deal = c.api().deal(merchant, 1990, null, false);
        var cashiers = new ArrayList<String>();
        for (int i = 0; i < 4; i++) cashiers.add(c.api().cashier(merchant));
        int perOrder = 20;
        int orders = Math.max(1, c.redeemVouchers() / perOrder);
        var customers = c.api().customers(Math.max(1, orders / 5));
        var next = new AtomicInteger();
        var placed = new ConcurrentLinkedQueue<String[]>();
        Load.run(Math.min(c.clients(), 16), Duration.ofMinutes(3), new Recorder(), client -> {
            int n = next.getAndIncrement();
            if (n >= orders) throw new Done();
            var customer = customers.get(n % customers.size());
            var order = c.api().order(customer, deal, perOrder);
            if (order.status() != 201) return false;
            placed.add(new String[] {customer});
            return c.api().payWithSandbox(customer, order.body().path("id").asString());
        }, () -> next.get() >= orders);
        var codes = new ConcurrentLinkedQueue<String>();
        long expected = (long) placed.size() * perOrder;
        awaitVouchers(c.api(), customers, expected);
        for (var customer : customers) {
            c.api().get("/api/v1/me/vouchers", customer).body().forEach(v -> codes.add(v.path("code").asString()));
        }
        int available = codes.size();
        var recorder = new Recorder();
        var started = Instant.now();
        double seconds = Load.run(c.clients(), c.duration(), recorder, client -> {
            var code = codes.poll();
            if (code == null) throw new Done();
            return c.api().postStatus("/api/v1/merchant/redemptions", Map.of("code", code,
                    "storeId", merchant.storeId(), "device", "bench-" + client),
                    cashiers.get(client % cashiers.size())) == 200;
        }, codes::isEmpty);
        var checks = new LinkedHashMap<String, Object>();
        checks.put("vouchersAvailable", available);
        checks.put("redeemed", recorder.operations());
        return Result.of("redeem", c.clients(), seconds, recorder, recorder.operations() / seconds, c.tpcb(), checks,
                c.app(), c.dataset(), started);
    }

    /**
     * Earn and spend on the ledger: several cashiers top up stored value (cash in, principal and bonus out to the
     * member) and charge bills to it for many members at once, each one ledger entry through the real API. At the
     * end every member's balance must equal what the bench put in minus what it took, and the ledger must
     * reconcile; the reconciliation is timed once at the dataset's size (the seeded orders' points are entries too).
     */
    static Result points(Context c) throws Exception {
        var merchant = c.api().merchant(c.operator());
        Api.expect(c.api().put("/api/v1/merchant/wallet/rules", Map.of("bonusByThreshold", Map.of("50000", 5000)),
                merchant.ownerToken()), 200);
        var cashiers = new ArrayList<String>();
        for (int i = 0; i < 4; i++) cashiers.add(c.api().cashier(merchant));
        var members = c.api().members(Math.max(c.clients() * 4, 16));
        var expected = new AtomicLongArray(members.size());
        var uncertain = new AtomicIntegerArray(members.size());
        var topUps = new AtomicLong();
        var charges = new AtomicLong();
        var short_ = new AtomicLong();
        // everybody starts with 500 yuan (and its 50 bonus), so that spending has something to spend from the start
        for (int m = 0; m < members.size(); m++) {
            Api.expect(c.api().post("/api/v1/merchant/wallet/top-ups", Map.of("phone", members.get(m).phone(),
                    "amount", Map.of("minor", 50000, "currency", "CNY")), cashiers.get(0),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())), 200);
            expected.set(m, 55000);
        }
        var recorder = new Recorder();
        var started = Instant.now();
        double seconds = Load.run(c.clients(), c.duration(), recorder, client -> {
            var random = ThreadLocalRandom.current();
            int m = random.nextInt(members.size());
            var cashier = cashiers.get(client % cashiers.size());
            var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            boolean topUp = random.nextInt(10) < 3;
            long minor = topUp ? new long[] {10000, 20000, 50000}[random.nextInt(3)] : 1000L * (1 + random.nextInt(15));
            Api.Response response;
            try {
                response = c.api().post(topUp ? "/api/v1/merchant/wallet/top-ups" : "/api/v1/merchant/wallet/charges",
                        Map.of("phone", members.get(m).phone(), "amount", Map.of("minor", minor, "currency", "CNY")),
                        cashier, key);
            } catch (IOException unknownOutcome) {
                uncertain.set(m, 1);
                throw unknownOutcome;
            }
            if (response.status() == 200) {
                if (topUp) {
                    expected.addAndGet(m, minor + (minor >= 50000 ? 5000 : 0));
                    topUps.incrementAndGet();
                } else {
                    expected.addAndGet(m, -minor);
                    charges.incrementAndGet();
                }
                return true;
            }
            if (response.status() == 409) {
                short_.incrementAndGet(); // not enough stored value: the right answer, nothing posted
                return true;
            }
            if (response.status() >= 500) uncertain.set(m, 1);
            return false;
        });
        long mismatches = 0;
        long checked = 0;
        for (int m = 0; m < members.size(); m++) {
            if (uncertain.get(m) == 1) continue;
            var wallet = c.api().get("/api/v1/merchant/wallet/balances?phone=" + members.get(m).phone(), cashiers.get(0));
            long held = wallet.body().path("balance").path("principal").path("minor").asLong()
                    + wallet.body().path("balance").path("bonus").path("minor").asLong();
            checked++;
            if (held != expected.get(m)) mismatches++;
        }
        long reconcileStarted = System.nanoTime();
        var reconciled = c.api().get("/api/v1/admin/ledger/reconcile", c.operator());
        long reconcileMillis = (System.nanoTime() - reconcileStarted) / 1_000_000;
        Api.expect(reconciled, 200);
        var body = reconciled.body();
        long posted = topUps.get() + charges.get();
        var checks = new LinkedHashMap<String, Object>();
        checks.put("topUps", topUps.get());
        checks.put("charges", charges.get());
        checks.put("refusedShort", short_.get());
        checks.put("entriesPosted", posted);
        checks.put("membersChecked", checked);
        checks.put("balanceMismatches", mismatches);
        checks.put("reconcileClean", body.path("differences").isEmpty() && body.path("unbalancedEntries").isEmpty());
        checks.put("reconcileMillis", reconcileMillis);
        checks.put("reconcileServerMillis", body.path("tookMillis").asLong());
        checks.put("entries", body.path("entries").asLong());
        checks.put("postings", body.path("postings").asLong());
        checks.put("accounts", body.path("accounts").asLong());
        return Result.of("points", c.clients(), seconds, recorder, posted / seconds, c.tpcb(), checks, c.app(),
                c.dataset(), started);
    }

    /** Reconciles the ledger through the operator's API; whether it is clean, and what it took, go in the checks. */
    static void reconcile(Context c, Map<String, Object> checks) throws Exception {
        long started = System.nanoTime();
        var reconciled = c.api().get("/api/v1/admin/ledger/reconcile", c.operator());
        long millis = (System.nanoTime() - started) / 1_000_000;
        Api.expect(reconciled, 200);
        var body = reconciled.body();
        checks.put("reconcileClean", body.path("differences").isEmpty() && body.path("unbalancedEntries").isEmpty());
        checks.put("reconcileMillis", millis);
        checks.put("ledgerEntries", body.path("entries").asLong());
    }

    /** Waits (bounded) until these customers hold {@code expected} vouchers in all; returns how many they hold. */
    static long awaitVouchers(Api api, List<String> customers, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long held = 0;
        while (System.nanoTime() < deadline) {
            held = 0;
            for (var customer : customers) held += api.get("/api/v1/me/vouchers", customer).body().size();
            if (held >= expected) return held;
            Thread.sleep(250);
        }
        return held;
    }

    /** Thrown by an operation when its work queue is empty: the client stops. */
    static final class Done extends RuntimeException {
        Done() {
            super(null, null, false, false);
        }
    }
}
