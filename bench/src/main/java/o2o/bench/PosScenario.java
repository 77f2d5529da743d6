package o2o.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Stores' tills posting their sales at once through the POS integration API: single sales (some to a member by phone
 * or card, some walk-in), queued sales sent as a batch, and now and then a sale sent again, which must come back as a
 * duplicate. Afterwards every store must hold exactly the sales the bench sent, each as one POS order; every member
 * the points their sales earn under the default rules (one point per whole yuan); and the ledger must reconcile.
 */
final class PosScenario {

    static final int STORES_PER_MERCHANT = 5;
    private static final int MAX_BATCH = 20;
    private static final int KEPT_FOR_RESENDING = 50;

    /** A member as the merchant's previous system knew them: imported with their card number and phone. */
    record Member(int index, String phone, String card) {}

    record Shop(Api.Merchant merchant, List<Member> members) {}

    record Store(int index, Shop shop, String id, String key, Set<String> acknowledged) {}

    /** A sale as sent, to send again or to settle after the run when its answer was lost. */
    record Sent(Store store, Map<String, Object> body, int member, long points) {

        String txn() {
            return (String) body.get("posTransactionId");
        }
    }

    private final Scenarios.Context c;
    private final List<Store> stores = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private AtomicLongArray expectedPoints;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong duplicatesSent = new AtomicLong();
    private final AtomicLong duplicatesReported = new AtomicLong();
    private final AtomicLong recordedTwice = new AtomicLong();
    private final AtomicLong duplicatesMisanswered = new AtomicLong();
    private final AtomicLong memberSales = new AtomicLong();
    private final AtomicLong membersNotRecognised = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicReference<String> firstRejection = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Sent> unknownOutcome = new ConcurrentLinkedQueue<>();
    private final Map<Integer, List<Sent>> resendable = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private PosScenario(Scenarios.Context c) {
        this.c = c;
    }

    static Result run(Scenarios.Context c) throws Exception {
        return new PosScenario(c).measure();
    }

    private Result measure() throws Exception {
        setUp();
        var recorder = new Recorder();
        var started = Instant.now();
        double seconds = Load.run(c.clients(), c.duration(), recorder, client -> till(client, recorder));
        long unknownSettled = settleUnknownOutcomes();
        var checks = new LinkedHashMap<String, Object>();
        checks.put("stores", stores.size());
        checks.put("merchants", stores.stream().map(s -> s.shop().merchant().id()).distinct().count());
        checks.put("members", members.size());
        checks.put("salesRecorded", recorded.get());
        checks.put("memberSales", memberSales.get());
        checks.put("batches", batches.get());
        checks.put("duplicatesSent", duplicatesSent.get());
        checks.put("duplicatesReported", duplicatesReported.get());
        checks.put("duplicatesRecordedTwice", recordedTwice.get());
        checks.put("duplicatesMisanswered", duplicatesMisanswered.get());
        checks.put("salesRejected", rejected.get());
        if (firstRejection.get() != null) checks.put("firstRejection", firstRejection.get());
        checks.put("unknownOutcomesSettled", unknownSettled);
        checks.put("membersNotRecognised", membersNotRecognised.get());
        checkStores(checks);
        checkPoints(checks);
        Scenarios.reconcile(c, checks);
        return Result.of("pos", c.clients(), seconds, recorder, recorder.units() / seconds, c.tpcb(), checks,
                c.app(), c.dataset(), started);
    }

    /**
     * Merchants of about {@link #STORES_PER_MERCHANT} stores each (at least two merchants), a POS key per store, and
     * each merchant's members imported from its previous system with card numbers and no points, as a chain moving to
     * o2o would.
     */
    private void setUp() throws Exception {
        int storeCount = Math.max(2, c.posStores());
        int merchants = Math.max(2, (storeCount + STORES_PER_MERCHANT - 1) / STORES_PER_MERCHANT);
        var shops = new ArrayList<Shop>();
        for (int m = 0; m < merchants; m++) {
            var merchant = c.api().merchant(c.operator());
            var csv = new StringBuilder("card_number,phone,name,points,balance\n");
            var own = new ArrayList<Member>();
            for (int i = 0; i < c.posMembers(); i++) {
                var member = new Member(members.size(), Api.phone(), "BENCH-%d-%05d".formatted(m, i));
                members.add(member);
                own.add(member);
                csv.append(member.card()).append(',').append(member.phone()).append(",压测会员,0,0.00\n");
            }
            var imported = c.api().postText("/api/v1/merchant/member-imports", csv.toString(), "text/csv",
                    merchant.ownerToken());
            Api.expect(imported, 201);
            if (imported.body().path("imported").asInt() != own.size()) {
                throw new IllegalStateException("member import took " + imported.raw());
            }
            shops.add(new Shop(merchant, own));
        }
        for (int s = 0; s < storeCount; s++) {
            var shop = shops.get(s % shops.size());
            var storeId = s < shops.size() ? shop.merchant().storeId() : c.api().store(shop.merchant());
            stores.add(new Store(s, shop, storeId, c.api().posKey(shop.merchant(), storeId),
                    ConcurrentHashMap.newKeySet()));
        }
        expectedPoints = new AtomicLongArray(members.size());
    }

    /**
     * One request of one till: every hundredth (the third first) a sale sent again, 10 % a batch of queued sales, the
     * rest one sale. The clients take the stores' tills in turn, so that every store posts whether there are more
     * clients or more stores. The recorder counts the sales answered, so that throughput and CPU are per sale.
     */
    private boolean till(int client, Recorder recorder) throws Exception {
        var random = ThreadLocalRandom.current();
        long request = requests.computeIfAbsent(client, k -> new AtomicLong()).getAndIncrement();
        var store = stores.get((int) ((client + request * c.clients()) % stores.size()));
        var sentBefore = resendable.getOrDefault(client, List.of());
        if (request % 100 == 2 && !sentBefore.isEmpty()) {
            boolean ok = resend(sentBefore.get(random.nextInt(sentBefore.size())));
            if (ok) recorder.units(1);
            return ok;
        }
        if (random.nextInt(100) < 10) return batch(client, store, 2 + random.nextInt(MAX_BATCH - 1), recorder);
        var sale = sale(client, store, Instant.now().minusSeconds(random.nextInt(5)));
        Api.Response response;
        try {
            response = c.api().post("/api/v1/pos/sales", sale.body(), store.key());
        } catch (IOException lost) {
            unknownOutcome.add(sale);
            throw lost;
        }
        if (response.status() >= 500) unknownOutcome.add(sale);
        if (response.status() != 201) {
            if (response.status() < 500) reject(response.raw());
            return false;
        }
        acknowledge(client, sale, response.body());
        recorder.units(1);
        return true;
    }

    /** Sales a till queued while offline, oldest first, sent in one request; each must be recorded. */
    private boolean batch(int client, Store store, int size, Recorder recorder) throws Exception {
        var random = ThreadLocalRandom.current();
        var queued = new ArrayList<Sent>();
        // queued a minute to two hours ago, ten seconds apart: the last one too is in the past
        var queuedSince = Instant.now().minusSeconds(60L * (1 + random.nextInt(120)) + 10L * size);
        for (int i = 0; i < size; i++) queued.add(sale(client, store, queuedSince.plusSeconds(10L * i)));
        Api.Response response;
        try {
            response = c.api().post("/api/v1/pos/sales/batch",
                    Map.of("sales", queued.stream().map(Sent::body).toList()), store.key());
        } catch (IOException lost) {
            unknownOutcome.addAll(queued);
            throw lost;
        }
        if (response.status() >= 500) unknownOutcome.addAll(queued);
        if (response.status() != 200) return false;
        batches.incrementAndGet();
        boolean ok = true;
        var results = response.body().path("results");
        for (int i = 0; i < queued.size(); i++) {
            var result = results.path(i);
            switch (result.path("outcome").asString("")) {
                case "recorded" -> {
                    acknowledge(client, queued.get(i), result.path("sale"));
                    recorder.units(1);
                }
                case "duplicate" -> {
                    recordedTwice.incrementAndGet(); // a fresh transaction id cannot have been recorded before
                    ok = false;
                }
                default -> {
                    reject(result.path("problem").toString());
                    ok = false;
                }
            }
        }
        return ok;
    }

    /** A sale the application refused: the bench sends only valid sales, so this fails the run. */
    private void reject(String problem) {
        firstRejection.compareAndSet(null, problem);
        rejected.incrementAndGet();
    }

    /** The same sale again, as a till does when it did not see the answer: a duplicate, recorded once. */
    private boolean resend(Sent sale) throws Exception {
        duplicatesSent.incrementAndGet();
        var response = c.api().post("/api/v1/pos/sales", sale.body(), sale.store().key());
        if (response.status() == 201) {
            recordedTwice.incrementAndGet();
            return false;
        }
        if (response.status() != 200 || !response.body().path("duplicate").asBoolean()) {
            if (response.status() < 500) duplicatesMisanswered.incrementAndGet();
            return false;
        }
        duplicatesReported.incrementAndGet();
        return true;
    }

    /**
     * A new sale of this till: one to three lines adding up to its total; 60 % of them to a member of the store's
     * merchant, by phone or by card, half and half.
     */
    private Sent sale(int client, Store store, Instant soldAt) {
        var random = ThreadLocalRandom.current();
        var txn = "T%d-%d-%d".formatted(store.index(), client, sequence.incrementAndGet());
        var lines = new ArrayList<Map<String, Object>>();
        long main = 1800 + random.nextInt(20_000);
        lines.add(Map.of("name", "招牌锅底", "quantity", 1, "unitPrice", main, "amount", main));
        long total = main;
        if (random.nextBoolean()) {
            long drink = 300 + random.nextInt(1200);
            int quantity = 1 + random.nextInt(4);
            lines.add(Map.of("name", "饮料", "quantity", quantity, "unitPrice", drink, "amount", drink * quantity));
            total += drink * quantity;
        }
        if (random.nextInt(4) == 0) {
            long side = 800 + random.nextInt(3000);
            lines.add(Map.of("name", "小吃", "quantity", 1, "unitPrice", side, "amount", side));
            total += side;
        }
        var body = new HashMap<String, Object>();
        body.put("posTransactionId", txn);
        body.put("soldAt", soldAt.toString());
        body.put("lines", lines);
        body.put("total", total);
        body.put("paymentMethod", List.of("CASH", "CARD", "WECHAT", "ALIPAY").get(random.nextInt(4)));
        int member = -1;
        if (random.nextInt(10) < 6) {
            var chosen = store.shop().members().get(random.nextInt(store.shop().members().size()));
            member = chosen.index();
            body.put("member", random.nextBoolean() ? Map.of("phone", chosen.phone()) : Map.of("card", chosen.card()));
        }
        return new Sent(store, body, member, total / 100);
    }

    /** A sale the application recorded: it counts for its store and, on a member's profile, for their points. */
    private void acknowledge(int client, Sent sale, JsonNode answer) {
        sale.store().acknowledged().add(sale.txn());
        recorded.incrementAndGet();
        if (sale.member() >= 0) {
            memberSales.incrementAndGet();
            if (answer.path("member").asBoolean()) expectedPoints.addAndGet(sale.member(), sale.points());
            else membersNotRecognised.incrementAndGet();
        }
        // each client's list is only ever touched by that client's thread (and by the settling after the run)
        var kept = resendable.computeIfAbsent(client, k -> new ArrayList<>());
        if (kept.size() < KEPT_FOR_RESENDING) kept.add(sale);
        else kept.set(ThreadLocalRandom.current().nextInt(KEPT_FOR_RESENDING), sale);
    }

    /** Asks the store about each sale whose answer was lost or was a server error; returns how many were recorded. */
    private long settleUnknownOutcomes() throws Exception {
        long settled = 0;
        for (var sale : unknownOutcome) {
            if (sale.store().acknowledged().contains(sale.txn())) continue;
            var found = c.api().get("/api/v1/pos/sales/" + sale.txn(), sale.store().key());
            if (found.status() == 200) {
                acknowledge(-1, sale, found.body());
                settled++;
            } else if (found.status() != 404) {
                throw new IllegalStateException("cannot tell whether " + sale.txn() + " was recorded: " + found.raw());
            }
        }
        return settled;
    }

    /** Per store: its sales, each with one POS order, are exactly the transaction ids the bench had recorded. */
    private void checkStores(Map<String, Object> checks) throws Exception {
        var ids = stores.stream().map(s -> "'" + s.id() + "'").collect(Collectors.joining(","));
        var counted = new HashMap<String, long[]>();
        for (var row : c.database().query("""
                select s.store_id, count(*), count(o.id), count(distinct s.pos_transaction_id)
                  from pos_sale s left join customer_order o on o.id = s.order_id and o.channel = 'POS'
                 where s.store_id in (%s) group by s.store_id""".formatted(ids))) {
            counted.put(row[0], new long[] {Long.parseLong(row[1]), Long.parseLong(row[2]), Long.parseLong(row[3])});
        }
        long mismatches = 0;
        for (var store : stores) {
            var n = counted.getOrDefault(store.id(), new long[3]);
            long sent = store.acknowledged().size();
            if (n[0] != sent || n[1] != sent || n[2] != sent) mismatches++;
        }
        var merchantIds = stores.stream().map(s -> "'" + s.shop().merchant().id() + "'").distinct()
                .collect(Collectors.joining(","));
        long posOrders = Long.parseLong(c.database().query(
                "select count(*) from customer_order where channel = 'POS' and merchant_id in (" + merchantIds + ")")
                .getFirst()[0]);
        long sent = stores.stream().mapToLong(s -> s.acknowledged().size()).sum();
        checks.put("distinctTransactionsSent", sent);
        checks.put("storesWithSales", stores.stream().filter(s -> !s.acknowledged().isEmpty()).count());
        checks.put("posOrders", posOrders);
        checks.put("storeMismatches", mismatches + (posOrders == sent ? 0 : 1));
    }

    /**
     * Every member's points as the counter sees them against floor(yuan) of each of their sales (the default
     * program: one point per yuan, no tiers, no bonus events). Points are credited when the order's payment event
     * is handled, so this waits (bounded) for them to arrive.
     */
    private void checkPoints(Map<String, Object> checks) throws Exception {
        long expectedTotal = 0;
        for (int m = 0; m < members.size(); m++) expectedTotal += expectedPoints.get(m);
        var owners = new HashMap<Integer, String>();
        for (var store : stores) {
            for (var member : store.shop().members()) owners.put(member.index(), store.shop().merchant().ownerToken());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long credited;
        long mismatches;
        do {
            credited = 0;
            mismatches = 0;
            for (var member : members) {
                var found = c.api().get("/api/v1/merchant/members/lookup?phone=" + member.phone(),
                        owners.get(member.index()));
                Api.expect(found, 200);
                long points = found.body().path("points").asLong();
                credited += points;
                if (points != expectedPoints.get(member.index())) mismatches++;
            }
            if (mismatches == 0) break;
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        checks.put("pointsExpected", expectedTotal);
        checks.put("pointsCredited", credited);
        checks.put("pointsMismatches", mismatches);
    }
}
