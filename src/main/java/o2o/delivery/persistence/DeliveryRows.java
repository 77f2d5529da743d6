package o2o.delivery.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.delivery.Delivery;
import o2o.delivery.Delivery.Courier;
import o2o.delivery.Delivery.Destination;
import o2o.delivery.Delivery.Position;
import o2o.delivery.DeliveryStatus;
import o2o.shared.CustomerId;
import o2o.shared.GeoPoint;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery_order table. Every move is one conditional update on the states it may come from (and, for a courier's
 * move, on the courier who has the order), so of two racing couriers or a callback replayed one changes the row.
 */
@Repository
public class DeliveryRows {

    private static final String COLUMNS = """
            order_id, merchant_id, store_id, customer_id, zone_id, status, contact, phone, address, lat, lng,
            distance_m, fee_minor, cost_minor, currency, promised_minutes, promised_at, code, note, provider,
            provider_ref, courier_id, courier_name, problem, placed_at, paid_at, accepted_at, ready_at, assigned_at,
            picked_up_at, delivered_at, ended_at, courier_lat, courier_lng, courier_seen_at
            """;

    private final JdbcClient jdbc;

    DeliveryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Delivery d) {
        jdbc.sql("""
                        insert into delivery_order (order_id, merchant_id, store_id, customer_id, zone_id, status,
                            contact, phone, address, lat, lng, distance_m, fee_minor, cost_minor, currency,
                            promised_minutes, code, note, provider, placed_at)
                        values (:order, :merchant, :store, :customer, :zone, 'CREATED', :contact, :phone, :address,
                            :lat, :lng, :distance, :fee, :cost, :currency, :promised, :code, :note, :provider, :now)
                        """)
                .param("order", d.orderId().value())
                .param("merchant", d.merchantId().value())
                .param("store", d.storeId().value())
                .param("customer", d.customerId().value())
                .param("zone", d.zoneId())
                .param("contact", d.destination().contact())
                .param("phone", d.destination().phone())
                .param("address", d.destination().address())
                .param("lat", d.destination().point().lat())
                .param("lng", d.destination().point().lng())
                .param("distance", d.distanceMeters())
                .param("fee", d.fee().minor())
                .param("cost", d.cost().minor())
                .param("currency", d.fee().currency().getCurrencyCode())
                .param("promised", d.promisedMinutes())
                .param("code", d.code())
                .param("note", d.note())
                .param("provider", d.provider())
                .param("now", utc(d.placedAt()))
                .update();
    }

    public Optional<Delivery> find(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from delivery_order where order_id = :order")
                .param("order", orderId)
                .query(DeliveryRows::delivery)
                .optional();
    }

    public Optional<Delivery> findByProviderRef(String provider, String ref) {
        return jdbc.sql("select " + COLUMNS + " from delivery_order where provider = :provider and provider_ref = :ref")
                .param("provider", provider)
                .param("ref", ref)
                .query(DeliveryRows::delivery)
                .optional();
    }

    public List<Delivery> ofCustomer(UUID customerId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from delivery_order where customer_id = :customer
                        order by placed_at desc limit :limit
                        """)
                .param("customer", customerId)
                .param("limit", limit)
                .query(DeliveryRows::delivery)
                .list();
    }

    /** A store's paid orders in these states, oldest first (the latest 200 for final states). */
    public List<Delivery> atStore(UUID merchantId, UUID storeId, Collection<DeliveryStatus> statuses) {
        return jdbc.sql("select " + COLUMNS + """
                         from delivery_order
                        where merchant_id = :merchant and store_id = :store and status = any(:statuses)
                          and paid_at is not null
                        order by paid_at desc
                        limit 200
                        """)
                .param("merchant", merchantId)
                .param("store", storeId)
                .param("statuses", names(statuses))
                .query(DeliveryRows::delivery)
                .list()
                .reversed();
    }

    /** Accepted orders of the merchant's own couriers that nobody carries yet, in these stores, oldest first. */
    public List<Delivery> unassigned(UUID merchantId, Collection<UUID> storeIds, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from delivery_order
                        where merchant_id = :merchant and store_id = any(:stores) and status = 'ACCEPTED'
                          and courier_id is null and provider = 'own'
                        order by ready_at nulls last, accepted_at
                        limit :limit
                        """)
                .param("merchant", merchantId)
                .param("stores", storeIds.toArray(UUID[]::new))
                .param("limit", limit)
                .query(DeliveryRows::delivery)
                .list();
    }

    /** What a courier carries or is about to. */
    public List<Delivery> ofCourier(UUID merchantId, UUID staffId) {
        return jdbc.sql("select " + COLUMNS + """
                         from delivery_order
                        where courier_id = :courier and merchant_id = :merchant
                          and status in ('COURIER_ASSIGNED', 'PICKED_UP')
                        order by assigned_at
                        """)
                .param("courier", staffId)
                .param("merchant", merchantId)
                .query(DeliveryRows::delivery)
                .list();
    }

    /** How many of the store's paid orders wait for the kitchen, and how many have not left yet. */
    public record Load(int queued, int open) {}

    public Load load(UUID storeId) {
        return jdbc.sql("""
                        select count(*) filter (where ready_at is null) as queued, count(*) as open
                          from delivery_order
                         where store_id = :store and status in ('CREATED', 'ACCEPTED', 'COURIER_ASSIGNED')
                           and paid_at is not null
                        """)
                .param("store", storeId)
                .query((rs, n) -> new Load(rs.getInt("queued"), rs.getInt("open")))
                .single();
    }

    /** The order was paid: it is promised for this instant. */
    public boolean paid(UUID orderId, Instant promisedAt, Instant now) {
        return jdbc.sql("""
                        update delivery_order set paid_at = :now, promised_at = :promisedAt
                         where order_id = :order and paid_at is null and status = 'CREATED'
                        """)
                .param("order", orderId)
                .param("now", utc(now))
                .param("promisedAt", utc(promisedAt))
                .update() == 1;
    }

    /**
     * The provider's reference and price once it has taken the order; false (nothing written) when the order ended
     * meanwhile, so the caller calls the rider off. The row stays locked to the caller's commit, so an end racing it
     * waits and then finds the reference to cancel.
     */
    public boolean providerTook(UUID orderId, String ref, Money cost) {
        return jdbc.sql("""
                        update delivery_order set provider_ref = :ref, cost_minor = :cost
                         where order_id = :order and status not in ('DELIVERED', 'CANCELLED', 'RETURNED')
                        """)
                .param("order", orderId)
                .param("ref", ref)
                .param("cost", cost.minor())
                .update() == 1;
    }

    /**
     * Moves the order forward to {@code to} from any earlier state, stamping the state's time, and, where it names a
     * courier, gives the order to them; false when it had moved on (or ended) already.
     */
    public boolean advance(UUID orderId, DeliveryStatus to, Collection<DeliveryStatus> from, @Nullable Courier courier,
            Instant now) {
        var stamp = switch (to) {
            case ACCEPTED -> "accepted_at";
            case COURIER_ASSIGNED -> "assigned_at";
            case PICKED_UP -> "picked_up_at";
            case DELIVERED -> "delivered_at";
            case CANCELLED, RETURNED -> "ended_at";
            case CREATED -> throw new IllegalArgumentException("nothing moves back to CREATED");
        };
        var courierSet = courier == null ? "" : ", courier_id = :courierId, courier_name = :courierName";
        var courierStamp = courier == null || to == DeliveryStatus.COURIER_ASSIGNED ? ""
                : ", assigned_at = coalesce(assigned_at, :now)";
        var delivered = to == DeliveryStatus.DELIVERED ? ", ended_at = :now" : "";
        return jdbc.sql("update delivery_order set status = :to, " + stamp + " = :now" + courierSet + courierStamp
                        + delivered + " where order_id = :order and status = any(:from)"
                        + (to == DeliveryStatus.COURIER_ASSIGNED ? " and courier_id is null" : ""))
                .param("to", to.name())
                .param("now", utc(now))
                .param("order", orderId)
                .param("from", names(from))
                .param("courierId", courier == null ? null : courier.staffId())
                .param("courierName", courier == null ? null : courier.name())
                .update() == 1;
    }

    /** A courier's move on an order they carry: false when it is not theirs, or not in a state it may come from. */
    public boolean advanceByCourier(UUID orderId, UUID staffId, DeliveryStatus to, Collection<DeliveryStatus> from,
            Instant now) {
        var stamp = switch (to) {
            case PICKED_UP -> "picked_up_at = :now";
            case DELIVERED -> "delivered_at = :now, ended_at = :now";
            case RETURNED -> "ended_at = :now";
            default -> throw new IllegalArgumentException("a courier does not move an order to " + to);
        };
        return jdbc.sql("update delivery_order set status = :to, " + stamp
                        + " where order_id = :order and courier_id = :courier and status = any(:from)")
                .param("to", to.name())
                .param("now", utc(now))
                .param("order", orderId)
                .param("courier", staffId)
                .param("from", names(from))
                .update() == 1;
    }

    /** Gives an order not yet picked up to another courier, only if it is still with the one the caller saw. */
    public boolean reassign(UUID orderId, @Nullable UUID fromCourier, Courier to, Instant now) {
        return jdbc.sql("""
                        update delivery_order
                           set status = 'COURIER_ASSIGNED', courier_id = :to, courier_name = :name, assigned_at = :now,
                               courier_lat = null, courier_lng = null, courier_seen_at = null
                         where order_id = :order and status in ('ACCEPTED', 'COURIER_ASSIGNED')
                           and courier_id is not distinct from :from
                        """)
                .param("order", orderId)
                .param("to", to.staffId())
                .param("name", to.name())
                .param("from", fromCourier)
                .param("now", utc(now))
                .update() == 1;
    }

    /** The kitchen has it ready; once. */
    public boolean ready(UUID orderId, UUID merchantId, Instant now) {
        return jdbc.sql("""
                        update delivery_order set ready_at = :now
                         where order_id = :order and merchant_id = :merchant and ready_at is null
                           and status in ('ACCEPTED', 'COURIER_ASSIGNED')
                        """)
                .param("order", orderId)
                .param("merchant", merchantId)
                .param("now", utc(now))
                .update() == 1;
    }

    public void problem(UUID orderId, String problem) {
        jdbc.sql("update delivery_order set problem = :problem where order_id = :order")
                .param("order", orderId)
                .param("problem", problem)
                .update();
    }

    /** Where a courier is, on the orders they are carrying. */
    public void position(UUID merchantId, UUID staffId, GeoPoint at, Instant now) {
        jdbc.sql("""
                        update delivery_order set courier_lat = :lat, courier_lng = :lng, courier_seen_at = :now
                         where courier_id = :courier and merchant_id = :merchant
                           and status in ('COURIER_ASSIGNED', 'PICKED_UP')
                        """)
                .param("lat", at.lat())
                .param("lng", at.lng())
                .param("now", utc(now))
                .param("courier", staffId)
                .param("merchant", merchantId)
                .update();
    }

    /** Where a provider's rider is, on the order they carry. */
    public void position(UUID orderId, GeoPoint at, Instant now) {
        jdbc.sql("""
                        update delivery_order set courier_lat = :lat, courier_lng = :lng, courier_seen_at = :now
                         where order_id = :order and status in ('COURIER_ASSIGNED', 'PICKED_UP')
                        """)
                .param("lat", at.lat())
                .param("lng", at.lng())
                .param("now", utc(now))
                .param("order", orderId)
                .update();
    }

    private static String[] names(Collection<DeliveryStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        var courierName = rs.getString("courier_name");
        var seen = instant(rs, "courier_seen_at");
        return new Delivery(new OrderId(rs.getObject("order_id", UUID.class)),
                new MerchantId(rs.getObject("merchant_id", UUID.class)),
                new StoreId(rs.getObject("store_id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getObject("zone_id", UUID.class),
                DeliveryStatus.valueOf(rs.getString("status")),
                new Destination(rs.getString("contact"), rs.getString("phone"), rs.getString("address"),
                        new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng"))),
                rs.getInt("distance_m"), new Money(rs.getLong("fee_minor"), currency),
                new Money(rs.getLong("cost_minor"), currency), rs.getInt("promised_minutes"),
                instant(rs, "promised_at"), rs.getString("code"), rs.getString("note"), rs.getString("provider"),
                rs.getString("provider_ref"),
                courierName == null ? null : new Courier(rs.getObject("courier_id", UUID.class), courierName),
                rs.getString("problem"), instant(rs, "placed_at"), instant(rs, "paid_at"),
                instant(rs, "accepted_at"), instant(rs, "ready_at"), instant(rs, "assigned_at"),
                instant(rs, "picked_up_at"), instant(rs, "delivered_at"), instant(rs, "ended_at"),
                seen == null ? null : new Position(new GeoPoint(rs.getDouble("courier_lat"),
                        rs.getDouble("courier_lng")), seen));
    }
}
