package o2o.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.delivery.Couriers;
import o2o.delivery.Deliveries;
import o2o.delivery.Delivery;
import o2o.delivery.DeliveryDesk;
import o2o.delivery.DeliveryOrder;
import o2o.delivery.DeliveryRequest;
import o2o.delivery.DeliveryStatus;
import o2o.delivery.DeliveryZones;
import o2o.delivery.Fee;
import o2o.delivery.ZoneDraft;
import o2o.delivery.ZoneImport;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffPrincipal;
import o2o.merchants.ImportedMerchant;
import o2o.shared.GeoPoint;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.PhoneNumber;
import o2o.shared.StoreId;
import o2o.wallet.StoredValue;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo's delivery: every store of the city delivers within its service radius (one circle each, through the
 * delivery module's bulk import), and the showcase store has zones of both shapes, two couriers and three orders in
 * different states (one delivered, one on the way with its courier's position, one waiting for the store), made
 * through the same services the API calls. The orders are paid from stored value topped up at the counter: the
 * sandbox gateway confirms by a webhook it sends itself later, which a start-up seeder cannot wait on cleanly.
 */
@Component
class DemoDelivery {

    static final List<String> COURIERS = List.of("courier1", "courier2");
    static final String INNER = "3公里内";
    static final String DISTRICT = "东侧商务区";
    static final String OUTER = "6公里";
    /** The three customers with delivery orders; not 150xxxxxxxx, the members with history. */
    static final List<String> CUSTOMERS = List.of("13800138010", "13800138011", "13800138012");

    private static final double METERS_PER_DEGREE = 111_195.0;
    private static final Duration PAID_WITHIN = Duration.ofSeconds(30);

    private final ZoneImport zoneImport;
    private final DeliveryZones zones;
    private final Deliveries deliveries;
    private final DeliveryDesk desk;
    private final Couriers couriers;
    private final StaffAccounts staff;
    private final Customers customers;
    private final StoredValue storedValue;

    DemoDelivery(ZoneImport zoneImport, DeliveryZones zones, Deliveries deliveries, DeliveryDesk desk,
            Couriers couriers, StaffAccounts staff, Customers customers, StoredValue storedValue) {
        this.zoneImport = zoneImport;
        this.zones = zones;
        this.deliveries = deliveries;
        this.desk = desk;
        this.couriers = couriers;
        this.staff = staff;
        this.customers = customers;
        this.storedValue = storedValue;
    }

    /** A circle of the demo's terms: at least ¥20, this base fee and these bands. */
    private static ZoneDraft circle(String name, int priority, int radiusMeters, long baseMinor, List<Fee.Band> bands,
            @Nullable Map<DayOfWeek, List<String>> hours) {
        return new ZoneDraft(name, priority, radiusMeters, null, Money.cny(2000), Money.cny(baseMinor), bands, hours);
    }

    /**
     * One circle of its service radius for each new store, {@code storeIds} in the merchants' stores' order, but the
     * store that gets the showcase's own zones ({@code except}, may be null); ¥5, ¥1 per km past 3 km, at least ¥20.
     */
    void cityZones(List<ImportedMerchant> merchants, List<UUID> storeIds, @Nullable UUID except) {
        var imported = new ArrayList<ZoneImport.ImportedZone>(storeIds.size());
        int i = 0;
        for (var merchant : merchants) {
            for (var store : merchant.stores()) {
                var storeId = storeIds.get(i++);
                if (storeId.equals(except)) continue;
                imported.add(new ZoneImport.ImportedZone(new MerchantId(merchant.id()), new StoreId(storeId),
                        circle("配送范围", 1, store.serviceRadiusMeters(), 500,
                                List.of(new Fee.Band(3000, Money.cny(100))), null)));
            }
        }
        zoneImport.importAll(imported);
    }

    /**
     * The showcase store's zones: the inner 3 km first at ¥3, a concave business district east of it (2-5 km) at
     * a flat ¥4, and the 6 km circle (¥5, ¥1 per km past 3 km); all at least ¥20. They deliver around the clock,
     * whatever the store's hours, so that a demo opened at night can order too.
     */
    void zones(StaffPrincipal owner, UUID storeId, GeoPoint at) {
        var allDay = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) allDay.put(day, List.of("00:00-00:00"));
        var store = new StoreId(storeId);
        zones.save(owner, store, null, circle(INNER, 1, 3000, 300, List.of(), allDay));
        // an L: the towers along the main road, and a block north of its far end
        var district = List.of(offset(at, -600, 2000), offset(at, -600, 5000), offset(at, 1400, 5000),
                offset(at, 1400, 4000), offset(at, 200, 4000), offset(at, 200, 2000));
        zones.save(owner, store, null, new ZoneDraft(DISTRICT, 2, null, district, Money.cny(2000), Money.cny(400),
                List.of(), allDay));
        zones.save(owner, store, null, circle(OUTER, 3, 6000, 500, List.of(new Fee.Band(3000, Money.cny(100))),
                allDay));
    }

    /**
     * Three orders of two dishes each, paid from stored value: one delivered by {@code courier1}, one on its way with
     * {@code courier2} (and where courier2 is), one paid and waiting for the store to accept it.
     */
    void orders(StaffPrincipal manager, StaffPrincipal cashier, UUID storeId, GeoPoint at, List<UUID> dishes) {
        var ids = customers.registerAll(CUSTOMERS.stream().map(PhoneNumber::new).toList());
        var people = new ArrayList<CustomerPrincipal>();
        for (int i = 0; i < ids.size(); i++) {
            people.add(new CustomerPrincipal(ids.get(i), new PhoneNumber(CUSTOMERS.get(i))));
            storedValue.topUp(cashier, ids.get(i), Money.cny(50_000), "demo-delivery-" + i);
        }
        var store = new StoreId(storeId);
        var first = courier(COURIERS.get(0));
        var second = courier(COURIERS.get(1));
        couriers.goOnShift(first, true);
        couriers.goOnShift(second, true);

        // placed and paid first, then waited for together: the payment reaches delivery by event, after commit
        var toDeliver = placeAndPay(people.get(0), storeId, offset(at, 1800, 600), "静安区南京西路 1266 号 28 楼", dishes,
                "不要辣");
        var toCarry = placeAndPay(people.get(1), storeId, offset(at, -400, 3200), "东侧商务区 2 号楼 前台", dishes, "放前台");
        var toWait = placeAndPay(people.get(2), storeId, offset(at, -2500, -1200), "徐汇区漕溪北路 88 号", dishes, "");
        var delivered = awaitPaid(people.get(0), toDeliver);
        desk.accept(manager, store, delivered.orderId());
        desk.ready(manager, store, delivered.orderId());
        couriers.accept(first, delivered.orderId());
        couriers.pickedUp(first, delivered.orderId());
        couriers.position(first, offset(at, 900, 300));
        couriers.delivered(first, delivered.orderId(), delivered.delivery().code());

        var onTheWay = awaitPaid(people.get(1), toCarry);
        desk.accept(manager, store, onTheWay.orderId());
        couriers.accept(second, onTheWay.orderId());
        couriers.pickedUp(second, onTheWay.orderId());
        couriers.position(second, offset(at, -200, 1700));

        awaitPaid(people.get(2), toWait);
    }

    /**
     * How many of the showcase merchant's completed orders are the demo's delivered ones rather than its history (the
     * history is topped up to a count of its own).
     */
    long delivered() {
        long n = 0;
        for (var phone : CUSTOMERS) {
            var customer = customers.byPhone(new PhoneNumber(phone));
            if (customer.isEmpty()) continue;
            n += deliveries.ofCustomer(customer.get()).stream()
                    .filter(o -> o.delivery().status() == DeliveryStatus.DELIVERED).count();
        }
        return n;
    }

    private UUID placeAndPay(CustomerPrincipal customer, UUID storeId, GeoPoint to, String address, List<UUID> dishes,
            String note) {
        var lines = List.of(new DeliveryRequest.Line(dishes.get(0), List.of(), 1),
                new DeliveryRequest.Line(dishes.get(1), List.of(), 1));
        var placed = deliveries.place(customer, storeId, new DeliveryRequest(lines, null,
                new Delivery.Destination("顾客" + customer.phone().value().substring(7), customer.phone().value(),
                        address, to), note, null, 0, null));
        var id = placed.orderId().value();
        deliveries.pay(customer, id, "wallet");
        return id;
    }

    private DeliveryOrder awaitPaid(CustomerPrincipal customer, UUID id) {
        long deadline = System.nanoTime() + PAID_WITHIN.toNanos();
        while (true) {
            var now = deliveries.ofCustomer(customer, id);
            if (now.delivery().paid()) return now;
            if (System.nanoTime() > deadline) throw new IllegalStateException("demo delivery " + id + " not paid");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private StaffPrincipal courier(String username) {
        var c = staff.byUsername(username).orElseThrow();
        return new StaffPrincipal(c.id(), c.username(), c.merchantId(), c.role(), c.storeIds());
    }

    /** A point this many metres north and east of another. */
    static GeoPoint offset(GeoPoint from, double north, double east) {
        double lat = from.lat() + north / METERS_PER_DEGREE;
        double lng = from.lng() + east / (METERS_PER_DEGREE * Math.cos(Math.toRadians(from.lat())));
        return new GeoPoint(Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6);
    }
}
