package o2o.delivery;

import java.time.Instant;

import o2o.shared.GeoPoint;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A courier fleet outside the store (同城配送: Meituan, WeChat 即时配送, Uber Direct, DoorDash Drive share this shape):
 * asked to carry an accepted order from the store to the customer, it answers its own reference and price, then
 * reports each step to {@code POST /api/v1/delivery/callbacks/{name}}, signed, where the order moves on. Steps may be
 * skipped or repeated; the order never goes back. Each fleet signs its own way, so checking a callback is the
 * adapter's: {@link #verify} turns the raw request into a {@link Callback} or refuses it.
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

    /**
     * Checks a callback as the fleet signed it (headers and the exact body bytes) and reads it in our words.
     *
     * @throws o2o.shared.Problem 401 when the signature is missing or wrong, or its time too far from now; 400 (an
     *     {@link o2o.shared.InvalidInput}) when a signed body is not a callback this fleet sends
     */
    Callback verify(HttpHeaders headers, String body);

    /** What the provider needs to carry an order. */
    record Job(String orderId, String storeName, GeoPoint from, String storeAddress, GeoPoint to, String address,
            String contact, String phone, Money goods) {}

    /** The provider's reference for the job and what it charges the merchant. */
    record Accepted(String reference, Money price) {}

    /**
     * A step the provider reports, in our words.
     *
     * @param eventId the provider's id of this report: one delivered twice is taken once
     * @param reference the provider's reference of the job ({@link Accepted#reference})
     * @param status the state the order reached, or null when the report moves nothing (a rider on the way, say)
     * @param riderName who carries it, where the provider says
     * @param position where the rider is, where the provider says
     */
    record Callback(String eventId, String reference, @Nullable DeliveryStatus status, @Nullable String riderName,
            @Nullable String riderPhone, @Nullable GeoPoint position, Instant occurredAt) {}
}
