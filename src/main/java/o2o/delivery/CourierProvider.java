package o2o.delivery;

import o2o.shared.GeoPoint;
import o2o.shared.Money;

/**
 * A courier fleet outside the store (同城配送: Meituan, WeChat 即时配送, Uber Direct, DoorDash Drive share this shape):
 * asked to carry an accepted order from the store to the customer, it answers its own reference and price, then
 * reports each step to {@code POST /api/v1/delivery/callbacks/{name}}, signed, where the order moves on. Steps may be
 * skipped or repeated; the order never goes back.
 */
public interface CourierProvider {

    /** The name stores choose it by in their delivery settings, and the last part of its callback address. */
    String name();

    /** The minutes it usually takes a rider to reach a store, for the promise. */
    int courierMinutes();

    /** Asks for a rider; the same order asked twice is the same request (the order id is the provider's key). */
    Accepted request(Job job);

    /** Calls the rider off; an order the provider has finished or never had is no error. */
    void cancel(String reference);

    /** What the provider needs to carry an order. */
    record Job(String orderId, String storeName, GeoPoint from, String storeAddress, GeoPoint to, String address,
            String contact, String phone, Money goods) {}

    /** The provider's reference for the job and what it charges the merchant. */
    record Accepted(String reference, Money price) {}
}
