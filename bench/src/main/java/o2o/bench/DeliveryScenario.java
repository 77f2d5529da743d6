package o2o.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivery, in two parts. {@code delivery-quote}: quotes ({@code GET /api/v1/stores/{id}/delivery/quote}) at random
 * stores of the whole demo city, each of which delivers within its service radius (the demo gives every store one
 * circle through the delivery module's bulk import, as it imports the stores), to random points out to 1.25 times the
 * radius: about two in three inside. Inside, the answer is the quote (200) or "not delivering now" (409, the store's
 * hours); outside, 422; any other answer, or one that contradicts the distance, is counted against it. The stores and
 * their places are read from the database once (there is no API that lists 100,000 stores). {@code delivery-order}:
 * each operation one order from placing to the door through the API: placed (Idempotency-Key), paid on the sandbox
 * gateway (its hosted page, as a phone does), accepted by the store once the payment has reached it, taken by the
 * client's own courier, picked up and delivered with the customer's code. Afterwards every paid order must be
 * DELIVERED and its order COMPLETED, each exactly once.
 */
final class DeliveryScenario {

    /** The radius of the earth the application counts distances on. */
    private static final double EARTH_RADIUS = 6_371_008.8;
    /** Points this close to a zone's edge are not judged: the bench rounds coordinates to 6 decimals. */
    private static final double EDGE_METERS = 2;
    private static final Duration PAYMENT_WAIT = Duration.ofSeconds(30);

    record Store(String id, double lat, double lng, int radius) {}

    private DeliveryScenario() {}

    static List<Result> run(Scenarios.Context c) throws Exception {
        return List.of(quotes(c), orders(c));
    }

    static Result quotes(Scenarios.Context c) throws Exception {
        var stores = new ArrayList<Store>();
        for (var row : c.database().query("""
                select s.id, s.lat, s.lng, min(z.radius_m)
                  from store s join delivery_zone z on z.store_id = s.id and z.active
                 where s.active and s.listed
                 group by s.id, s.lat, s.lng
                having count(*) = 1 and bool_and(z.shape = 'CIRCLE')
                """)) {
            stores.add(new Store(row[0], Double.parseDouble(row[1]), Double.parseDouble(row[2]),
                    Integer.parseInt(row[3])));
        }
        if (stores.isEmpty()) throw new IllegalStateException("no store with one circular zone: an older demo?");
        var inside = new AtomicLong();
        var closed = new AtomicLong();
        var outside = new AtomicLong();
        var misjudged = new AtomicLong();
        var firstWrong = new AtomicReference<String>();
        Load.Operation quote = client -> {
            var random = ThreadLocalRandom.current();
            var store = stores.get(random.nextInt(stores.size()));
            double reach = store.radius() * 1.25 * Math.sqrt(random.nextDouble());
            double bearing = random.nextDouble() * 2 * Math.PI;
            double lat = round(store.lat() + reach * Math.cos(bearing) / (EARTH_RADIUS * Math.PI / 180));
            double lng = round(store.lng() + reach * Math.sin(bearing)
                    / (EARTH_RADIUS * Math.PI / 180 * Math.cos(Math.toRadians(store.lat()))));
            double meters = meters(store.lat(), store.lng(), lat, lng);
            int status = c.api().status("/api/v1/stores/%s/delivery/quote?lat=%.6f&lng=%.6f&subtotal=%d"
                    .formatted(store.id(), lat, lng, random.nextInt(10_000)), null);
            boolean in = meters <= store.radius() - EDGE_METERS;
            boolean out = meters > store.radius() + EDGE_METERS;
            boolean right = switch (status) {
                case 200 -> { inside.incrementAndGet(); yield !out; }
                case 409 -> { closed.incrementAndGet(); yield !out; }
                case 422 -> { outside.incrementAndGet(); yield !in; }
                default -> false;
            };
            if (!right) {
                misjudged.incrementAndGet();
                firstWrong.compareAndSet(null, status + " at " + Math.round(meters) + " m of a " + store.radius()
                        + " m zone, store " + store.id());
            }
            return right;
        };
        // the JIT compiles the quote's path first, as in nearby
        Load.run(c.clients(), c.warmup(), new Recorder(), quote);
        inside.set(0);
        closed.set(0);
        outside.set(0);
        misjudged.set(0);
        var recorder = new Recorder();
        var started = Instant.now();
        double seconds = Load.run(c.clients(), c.duration(), recorder, quote);
        var checks = new LinkedHashMap<String, Object>();
        checks.put("storesWithZones", stores.size());
        checks.put("quoted", inside.get());
        checks.put("closedNow", closed.get());
        checks.put("outsideZone", outside.get());
        checks.put("zoneMisjudged", misjudged.get());
        if (firstWrong.get() != null) checks.put("firstMisjudged", firstWrong.get());
        return Result.of("delivery-quote", c.clients(), seconds, recorder, recorder.operations() / seconds,
                c.selectOnly(), checks, c.app(), c.dataset(), started);
    }

    static Result orders(Scenarios.Context c) throws Exception {
        var api = c.api();
        var merchant = api.merchant(c.operator());
        var owner = merchant.ownerToken();
        var store = merchant.storeId();
        var category = api.post("/api/v1/merchant/menu/categories", Map.of("name", "外卖"), owner);
        Api.expect(category, 201);
        var item = api.post("/api/v1/merchant/menu/items", Map.of("categoryId", category.body().path("id").asString(),
                "name", "红烧肉饭", "price", money(2800)), owner);
        Api.expect(item, 201);
        var dish = item.body().path("id").asString();
        Api.expect(api.post("/api/v1/merchant/stores/" + store + "/delivery/zones", Map.of("name", "6公里",
                "priority", 1, "radiusMeters", 6000, "minimum", money(2000), "baseFee", money(500),
                "feeBands", List.of(Map.of("fromMeters", 3000, "perKm", money(100)))), owner), 201);
        var couriers = new ArrayList<String>();
        for (int i = 0; i < c.clients(); i++) {
            var courier = api.courier(merchant);
            Api.expect(api.put("/api/v1/merchant/courier/shift", Map.of("onShift", true), courier), 200);
            couriers.add(courier);
        }
        var customers = api.customers(c.clients());
        var paid = new AtomicLong();
        var delivered = new AtomicLong();
        var waitedNanos = new AtomicLong();
        var firstFailure = new AtomicReference<String>();
        var recorder = new Recorder();
        var started = Instant.now();
        double seconds = Load.run(c.clients(), c.duration(), recorder, client -> {
            try {
                if (!deliver(api, store, dish, owner, customers.get(client), couriers.get(client), paid,
                        waitedNanos)) {
                    return false;
                }
                delivered.incrementAndGet();
                return true;
            } catch (RuntimeException failed) {
                firstFailure.compareAndSet(null, failed.getMessage());
                throw failed;
            }
        });
        var checks = new LinkedHashMap<String, Object>();
        checks.put("paid", paid.get());
        checks.put("delivered", delivered.get());
        checks.put("deliveriesPerSecond", Result.round(delivered.get() / seconds));
        checks.put("meanMsFromConfirmToAccepted", paid.get() == 0 ? 0
                : Result.round(waitedNanos.get() / 1e6 / paid.get()));
        if (firstFailure.get() != null) checks.put("firstFailure", firstFailure.get());
        var row = c.database().query("""
                select count(*) filter (where o.paid_at is not null),
                       count(*) filter (where o.paid_at is not null
                                          and (d.status <> 'DELIVERED' or o.status <> 'COMPLETED')),
                       count(*) filter (where d.status = 'DELIVERED' and o.status = 'COMPLETED'),
                       (select count(*) from (select e.order_id from delivery_event e
                                               where e.merchant_id = '%1$s' and e.status = 'DELIVERED'
                                               group by e.order_id having count(*) > 1) twice)
                  from delivery_order d join customer_order o on o.id = d.order_id
                 where d.merchant_id = '%1$s'
                """.formatted(merchant.id())).getFirst();
        checks.put("paidOrders", Long.parseLong(row[0]));
        checks.put("paidNotDelivered", Long.parseLong(row[1]));
        checks.put("deliveredAndCompleted", Long.parseLong(row[2]));
        checks.put("deliveredTwice", Long.parseLong(row[3]));
        checks.put("deliveredNotCounted", Math.abs(Long.parseLong(row[2]) - delivered.get()));
        return Result.of("delivery-order", c.clients(), seconds, recorder, delivered.get() / seconds, c.tpcb(),
                checks, c.app(), c.dataset(), started);
    }

    /** One order from placing to the door; false (or an exception) when a step did not answer as it should. */
    private static boolean deliver(Api api, String store, String dish, String desk, String customer, String courier,
            AtomicLong paid, AtomicLong waitedNanos) throws Exception {
        var random = ThreadLocalRandom.current();
        double north = (random.nextDouble() - 0.5) * 8000, east = (random.nextDouble() - 0.5) * 8000;
        var placed = api.post("/api/v1/stores/" + store + "/delivery-orders", Map.of(
                "lines", List.of(Map.of("itemId", dish, "quantity", 1 + random.nextInt(3))),
                "address", Map.of("label", "家", "contact", "压测", "phone", "13900000000", "address", "人民大道 200 号",
                        "lat", round(31.2304 + north / 111_195.0), "lng", round(121.4737 + east / 95_170.0)),
                "note", "bench"), customer, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        Api.expect(placed, 201);
        var id = placed.body().path("id").asString();
        var code = placed.body().path("code").asString();
        if (!api.payOnSandbox(customer, "/api/v1/me/delivery-orders/" + id + "/payments")) return false;
        paid.incrementAndGet();
        var orders = "/api/v1/merchant/stores/" + store + "/delivery-orders/" + id;
        long waitStarted = System.nanoTime();
        long deadline = waitStarted + PAYMENT_WAIT.toNanos();
        while (true) {
            var accepted = api.post(orders + "/accept", null, desk);
            if (accepted.status() == 200) break;
            if (!accepted.body().path("type").asString("").endsWith("delivery-not-paid")
                    || System.nanoTime() > deadline) {
                throw new IllegalStateException("accepting " + id + ": " + accepted.status() + " " + accepted.raw());
            }
            Thread.sleep(20); // the gateway's webhook has not reached the order yet
        }
        waitedNanos.addAndGet(System.nanoTime() - waitStarted);
        var moves = "/api/v1/merchant/courier/deliveries/" + id;
        Api.expect(api.post(moves + "/accept", null, courier), 200);
        Api.expect(api.post(moves + "/picked-up", null, courier), 200);
        var done = api.post(moves + "/delivered", Map.of("code", code), courier);
        Api.expect(done, 200);
        return "DELIVERED".equals(done.body().path("status").asString());
    }

    private static Map<String, Object> money(long minor) {
        return Map.of("minor", minor, "currency", "CNY");
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    /** Haversine, as the application counts. */
    private static double meters(double lat1, double lng1, double lat2, double lng2) {
        double a = Math.toRadians(lat1), b = Math.toRadians(lat2);
        double dLat = b - a, dLng = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(a) * Math.cos(b) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
