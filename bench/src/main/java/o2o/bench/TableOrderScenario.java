package o2o.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

/**
 * Diners ordering at many tables at once, one table per client, table after table: the floor seats a party, each of
 * its diners scans the table's code, and in two courses they all add dishes to the table's shared cart at the same
 * time and each presses "send" (only presses that find something in the cart make a round); a last press sends what
 * is left. The kitchen then moves every dish to cooking and to served, the bill is asked for and paid at the counter,
 * and the table is free for the next party. Every request is timed; every dish a diner added must be in exactly one
 * round, the bill must charge exactly what was ordered, and every table must be free at the end.
 */
final class TableOrderScenario {

    private static final int COURSES = 2;

    record Dish(String id, long priceMinor) {}

    /**
     * A table, the member who pays there every other visit from their stored value (odd tables from the first visit,
     * even ones from the second), and what the bench counted.
     */
    record Table(int index, String id, String code, Api.Member payer, AtomicLong balance, AtomicBoolean balanceUnknown,
            AtomicLong visits, AtomicLong unitsAdded, AtomicLong unitsInRounds) {}

    /** What a payer starts with: the most one top-up may be. */
    private static final long TOP_UP = 5_000_000;

    private final Scenarios.Context c;
    private final Recorder requests = new Recorder();
    private final List<Dish> dishes = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private Api.Merchant merchant;
    private String cashier;
    private final AtomicLong visits = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong sendsOfEmptyCart = new AtomicLong();
    private final AtomicLong itemsServed = new AtomicLong();
    private final AtomicLong misplacedDishes = new AtomicLong();
    private final AtomicLong roundItemsSeenTwice = new AtomicLong();
    private final AtomicLong billMismatches = new AtomicLong();
    private final AtomicLong amountBilled = new AtomicLong();
    private final AtomicLong paidAtCounter = new AtomicLong();
    private final AtomicLong paidFromWallet = new AtomicLong();
    private final AtomicLong doubleTapsPaidTwice = new AtomicLong();
    private final AtomicLong secondTapsAfterSettling = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    private TableOrderScenario(Scenarios.Context c) {
        this.c = c;
    }

    static Result run(Scenarios.Context c) throws Exception {
        return new TableOrderScenario(c).measure();
    }

    private Result measure() throws Exception {
        setUp();
        var visitsRecorder = new Recorder();
        var started = Instant.now();
        var cpuBefore = Cpu.sample();
        double seconds = Load.run(c.clients(), c.duration(), visitsRecorder, client -> visit(tables.get(client)));
        requests.measuring(cpuBefore, Cpu.sample());
        var checks = new LinkedHashMap<String, Object>();
        checks.put("tables", tables.size());
        checks.put("dinersPerTable", c.tableDiners());
        checks.put("visits", visits.get());
        checks.put("visitsFailed", visitsRecorder.errors());
        if (firstFailure.get() != null) checks.put("firstFailure", firstFailure.get());
        checks.put("visitsPerSecond", Result.round(visits.get() / seconds));
        long added = tables.stream().mapToLong(t -> t.unitsAdded().get()).sum();
        long inRounds = tables.stream().mapToLong(t -> t.unitsInRounds().get()).sum();
        checks.put("dishesAdded", added);
        checks.put("dishesPerSecond", Result.round(added / seconds));
        checks.put("dishesInRounds", inRounds);
        checks.put("rounds", rounds.get());
        checks.put("sendsOfEmptyCart", sendsOfEmptyCart.get());
        checks.put("itemsServed", itemsServed.get());
        checks.put("misplacedDishes", misplacedDishes.get() + roundItemsSeenTwice.get());
        checks.put("tableMismatches", tables.stream()
                .filter(t -> t.unitsAdded().get() != t.unitsInRounds().get()).count());
        checks.put("billMismatches", billMismatches.get());
        checks.put("amountBilled", amountBilled.get());
        checks.put("billsPaidAtCounter", paidAtCounter.get());
        checks.put("billsPaidFromWallet", paidFromWallet.get());
        checks.put("doubleTapsPaidTwice", doubleTapsPaidTwice.get());
        checks.put("secondTapsAfterSettling", secondTapsAfterSettling.get());
        checks.put("balanceMismatches", balanceMismatches());
        checks.put("tablesLeftOccupied", occupiedTables());
        Scenarios.reconcile(c, checks);
        return Result.of("table-order", c.clients(), seconds, requests, requests.operations() / seconds, c.tpcb(),
                checks, c.app(), c.dataset(), started);
    }

    /**
     * A restaurant with a menu of eight dishes and one table per client, all free, and per table a member holding
     * stored value there who pays every other bill.
     */
    private void setUp() throws Exception {
        merchant = c.api().merchant(c.operator());
        cashier = c.api().cashier(merchant);
        var payers = c.api().members(c.clients());
        var category = c.api().post("/api/v1/merchant/menu/categories", Map.of("name", "招牌菜"), merchant.ownerToken());
        Api.expect(category, 201);
        var names = List.of("毛肚", "鸭肠", "肥牛", "虾滑", "黄喉", "土豆片", "酸梅汤", "红糖糍粑");
        for (int i = 0; i < names.size(); i++) {
            long price = 800 + 700L * i;
            var item = c.api().post("/api/v1/merchant/menu/items", Map.of("categoryId",
                    category.body().path("id").asString(), "name", names.get(i),
                    "price", Map.of("minor", price, "currency", "CNY")), merchant.ownerToken());
            Api.expect(item, 201);
            dishes.add(new Dish(item.body().path("id").asString(), price));
        }
        for (int t = 0; t < c.clients(); t++) {
            var table = c.api().post("/api/v1/merchant/stores/" + merchant.storeId() + "/tables",
                    Map.of("label", "A" + (t + 1), "seats", Math.max(2, c.tableDiners())), merchant.ownerToken());
            Api.expect(table, 201);
            var payer = payers.get(t);
            Api.expect(c.api().post("/api/v1/merchant/wallet/top-ups", Map.of("phone", payer.phone(),
                    "amount", Map.of("minor", TOP_UP, "currency", "CNY")), cashier,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())), 200);
            tables.add(new Table(t, table.body().path("id").asString(), table.body().path("code").asString(), payer,
                    new AtomicLong(balance(payer)), new AtomicBoolean(), new AtomicLong(), new AtomicLong(),
                    new AtomicLong()));
        }
    }

    /**
     * One party at one table, from being seated to the table being free again. A visit that fails part-way (it counts
     * as failed) has its table cleared, so that the client goes on with the next party.
     */
    private boolean visit(Table table) throws Exception {
        try {
            return party(table);
        } catch (Exception failed) {
            firstFailure.compareAndSet(null, failed.toString());
            c.api().call("DELETE", "/api/v1/merchant/tables/" + table.id() + "/session", null, merchant.ownerToken(),
                    Map.of());
            throw failed;
        }
    }

    private boolean party(Table table) throws Exception {
        var staff = merchant.ownerToken();
        var session = expect(() -> c.api().post("/api/v1/merchant/tables/" + table.id() + "/session",
                Map.of("partySize", c.tableDiners()), staff), 201).body().path("id").asString();
        var diners = everyone(c.tableDiners(), d -> {
            long t = System.nanoTime();
            var cookie = c.api().scan(table.code());
            if (cookie == null) throw new IllegalStateException("the scan of " + table.code() + " left no diner key");
            requests.ok(t);
            return cookie;
        });
        // what each diner (by the key the scan gave them) added of each dish
        var added = new ConcurrentHashMap<String, Long>();
        for (int course = 0; course < COURSES; course++) {
            everyone(diners.size(), d -> {
                var random = ThreadLocalRandom.current();
                var cookie = Map.of("Cookie", diners.get(d));
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    var dish = dishes.get(random.nextInt(dishes.size()));
                    int quantity = 1 + random.nextInt(2);
                    expect(() -> c.api().call("POST", "/api/v1/tables/" + table.code() + "/cart/lines",
                            Map.of("itemId", dish.id(), "quantity", quantity), null, cookie), 201);
                    added.merge("anon:" + diners.get(d).substring("o2o_diner=".length()) + "/" + dish.id(),
                            (long) quantity, Long::sum);
                    table.unitsAdded().addAndGet(quantity);
                }
                send(table, cookie);
                return null;
            });
        }
        send(table, Map.of("Cookie", diners.getFirst())); // whatever the last presses left in the cart
        var sent = expect(() -> c.api().call("GET", "/api/v1/tables/" + table.code() + "/rounds", null, null,
                Map.of("Cookie", diners.getFirst())), 200).body();
        var items = inRounds(table, sent, added);
        cook(items);
        pay(table, session, items);
        visits.incrementAndGet();
        return true;
    }

    /** A diner presses "send": a round if the cart has anything, else 409 table-cart-empty (a right answer too). */
    private void send(Table table, Map<String, String> cookie) throws Exception {
        long t = System.nanoTime();
        var round = c.api().call("POST", "/api/v1/tables/" + table.code() + "/rounds", null, null, cookie);
        if (round.status() == 201) {
            rounds.incrementAndGet();
            requests.ok(t);
        } else if (round.status() == 409 && round.body().path("type").asString("").endsWith("table-cart-empty")) {
            sendsOfEmptyCart.incrementAndGet();
            requests.ok(t);
        } else {
            requests.error();
            throw new IllegalStateException("sending a round: " + round.status() + " " + round.raw());
        }
    }

    /**
     * The dishes of the table's rounds: each round item once, and per diner and dish exactly the quantity the diner
     * added. Returns the items, for the kitchen and the bill.
     */
    private List<JsonNode> inRounds(Table table, JsonNode sent, Map<String, Long> added) {
        var seen = new HashSet<String>();
        var items = new ArrayList<JsonNode>();
        var inRounds = new HashMap<String, Long>();
        for (var round : sent) {
            for (var item : round.path("items")) {
                if (!seen.add(item.path("id").asString())) {
                    roundItemsSeenTwice.incrementAndGet();
                    continue;
                }
                items.add(item);
                long quantity = item.path("quantity").asLong();
                inRounds.merge(item.path("addedBy").asString() + "/" + item.path("itemId").asString(), quantity,
                        Long::sum);
                table.unitsInRounds().addAndGet(quantity);
            }
        }
        var keys = new HashSet<>(added.keySet());
        keys.addAll(inRounds.keySet());
        for (var key : keys) {
            misplacedDishes.addAndGet(Math.abs(added.getOrDefault(key, 0L) - inRounds.getOrDefault(key, 0L)));
        }
        return items;
    }

    /** The kitchen moves every dish to cooking, then to served. */
    private void cook(List<JsonNode> items) throws Exception {
        for (var state : List.of("COOKING", "SERVED")) {
            for (var item : items) {
                var moved = expect(() -> c.api().post("/api/v1/merchant/stores/" + merchant.storeId() + "/round-items/"
                        + item.path("id").asString() + "/state", Map.of("state", state), merchant.ownerToken()), 200);
                if (!moved.body().path("state").asString().equals(state)) {
                    throw new IllegalStateException("moved to " + state + " but " + moved.raw());
                }
                if (state.equals("SERVED")) itemsServed.incrementAndGet();
            }
        }
    }

    /**
     * The bill, which must charge exactly the dishes of the rounds at their prices: every other visit the table's
     * member asks for it and pays it whole from their stored value, else the floor takes the money at the counter.
     * Either way the table is then free.
     */
    private void pay(Table table, String session, List<JsonNode> items) throws Exception {
        long expected = 0;
        for (var item : items) {
            var dish = dishes.stream().filter(d -> d.id().equals(item.path("itemId").asString())).findFirst();
            expected += dish.map(Dish::priceMinor).orElse(-1_000_000L) * item.path("quantity").asLong();
        }
        if ((table.index() + table.visits().getAndIncrement()) % 2 == 1 && table.balance().get() >= expected) {
            payFromWallet(table, session, expected);
        } else {
            payAtCounter(table, expected);
        }
    }

    private void payAtCounter(Table table, long expected) throws Exception {
        var staff = merchant.ownerToken();
        var bill = expect(() -> c.api().post("/api/v1/merchant/tables/" + table.id() + "/bill", Map.of(), staff), 200);
        if (bill.body().path("subtotal").path("minor").asLong() != expected) billMismatches.incrementAndGet();
        var settled = expect(() -> c.api().post("/api/v1/merchant/tables/" + table.id() + "/bill/counter",
                Map.of("method", "CASH"), staff), 200);
        if (!settled.body().path("status").asString().equals("SETTLED")) {
            throw new IllegalStateException("the bill was paid at the counter but is " + settled.raw());
        }
        amountBilled.addAndGet(settled.body().path("subtotal").path("minor").asLong());
        paidAtCounter.incrementAndGet();
    }

    /**
     * The member asks for the bill, takes it whole and pays it from stored value, tapping "pay" twice at once as a
     * phone may: both taps must answer the one order, paid once. The bill settles, and the table frees, when the
     * payment's event is handled, so this waits (bounded) for the session to close.
     */
    private void payFromWallet(Table table, String session, long expected) throws Exception {
        var member = table.payer().token();
        var bill = expect(() -> c.api().post("/api/v1/tables/" + table.code() + "/bill", Map.of(), member), 200);
        if (bill.body().path("subtotal").path("minor").asLong() != expected) billMismatches.incrementAndGet();
        var whole = expect(() -> c.api().post("/api/v1/tables/" + table.code() + "/bill/split",
                Map.of("split", "WHOLE"), member), 200);
        var share = whole.body().path("shares").path(0).path("id").asString();
        List<String> taps;
        try {
            taps = everyone(2, tap -> tap(table, share, member));
        } catch (Exception unknownOutcome) {
            table.balanceUnknown().set(true); // whether the stored value was taken is not known
            throw unknownOutcome;
        }
        var orders = taps.stream().filter(Objects::nonNull).distinct().count();
        if (orders == 0) throw new IllegalStateException("neither tap on pay answered an order");
        if (orders > 1) doubleTapsPaidTwice.incrementAndGet();
        table.balance().addAndGet(-expected);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var sessions = expect(() -> c.api().get("/api/v1/merchant/tables/" + table.id() + "/sessions",
                    merchant.ownerToken()), 200).body();
            var latest = sessions.path(0);
            if (latest.path("id").asString().equals(session) && !latest.path("closedAt").isNull()
                    && !latest.path("closedAt").isMissingNode()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bill of table " + table.code() + " was paid but did not settle");
            }
            Thread.sleep(100);
        }
        amountBilled.addAndGet(expected);
        paidFromWallet.incrementAndGet();
    }

    /**
     * One tap on "pay": the share's order (201; a repeat by the same payer is answered with the same order), or, for a
     * tap that comes after the bill settled and freed the table, a 404 or a 409 saying the bill is closed (null).
     * Either way nothing is paid twice, which the balances show.
     */
    private String tap(Table table, String share, String member) throws Exception {
        long t = System.nanoTime();
        var paid = c.api().post("/api/v1/tables/" + table.code() + "/bill/shares/" + share + "/payment",
                Map.of("method", "wallet"), member);
        if (paid.status() == 201) {
            requests.ok(t);
            return paid.body().path("orderId").asString();
        }
        var type = paid.body().path("type").asString("");
        if ((paid.status() == 404 && type.endsWith("not-found"))
                || (paid.status() == 409 && type.endsWith("bill-not-open"))) {
            secondTapsAfterSettling.incrementAndGet();
            requests.ok(t);
            return null;
        }
        requests.error();
        throw new IllegalStateException("paying a share: " + paid.status() + " " + paid.raw());
    }

    /** A member's stored value at the merchant, principal and bonus, as the counter sees it. */
    private long balance(Api.Member member) throws Exception {
        var wallet = c.api().get("/api/v1/merchant/wallet/balances?phone=" + member.phone(), cashier);
        Api.expect(wallet, 200);
        return wallet.body().path("balance").path("principal").path("minor").asLong()
                + wallet.body().path("balance").path("bonus").path("minor").asLong();
    }

    /**
     * Payers whose stored value is not what they started with less the bills they paid from it (those whose payment
     * had no clear answer are left out: the failed visit already fails the run).
     */
    private long balanceMismatches() throws Exception {
        long wrong = 0;
        for (var table : tables) {
            if (!table.balanceUnknown().get() && balance(table.payer()) != table.balance().get()) wrong++;
        }
        return wrong;
    }

    /** Tables with a session still open after the run; every party's visit ends with its table freed. */
    private long occupiedTables() throws Exception {
        var status = c.api().get("/api/v1/merchant/stores/" + merchant.storeId() + "/tables/status",
                merchant.ownerToken());
        Api.expect(status, 200);
        long occupied = 0;
        for (var table : status.body()) {
            if (table.path("occupied").asBoolean()) occupied++;
        }
        return occupied;
    }

    /** Times one request: its latency when it answers {@code status}, an error (and the visit fails) otherwise. */
    private Api.Response expect(Callable<Api.Response> call, int status) throws Exception {
        long t = System.nanoTime();
        Api.Response response;
        try {
            response = call.call();
        } catch (Exception e) {
            requests.error();
            throw e;
        }
        if (response.status() != status) {
            requests.error();
            throw new IllegalStateException("expected " + status + " but got " + response.status() + ": "
                    + response.raw());
        }
        requests.ok(t);
        return response;
    }

    interface DinerAction<T> {
        T run(int diner) throws Exception;
    }

    /** Every diner of the table at the same time, each on a thread of their own; their answers in diner order. */
    private static <T> List<T> everyone(int diners, DinerAction<T> action) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<T>>();
            for (int d = 0; d < diners; d++) {
                int diner = d;
                futures.add(pool.submit(() -> action.run(diner)));
            }
            var answers = new ArrayList<T>();
            for (var future : futures) {
                try {
                    answers.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) throw cause;
                    throw e;
                }
            }
            return answers;
        }
    }
}
