package o2o.delivery.web;

import java.util.UUID;

import o2o.delivery.Quote;
import o2o.shared.Money;

/**
 * A delivery quote: the zone, the distance, the fee, the least the zone takes (goods only), and the promise: minutes
 * to prepare (behind the kitchen's queue), to wait for a courier, to ride, in all; {@code thirtyMinutes} only while
 * the store has room for more orders and the whole fits in 30 minutes.
 */
record QuoteResponse(UUID zoneId, String zoneName, int distanceMeters, Money fee, Money minimum, boolean meetsMinimum,
        int promisedMinutes, int preparationMinutes, int courierMinutes, int travelMinutes, boolean thirtyMinutes) {

    static QuoteResponse of(Quote q) {
        var p = q.promise();
        return new QuoteResponse(q.zoneId(), q.zoneName(), q.distanceMeters(), q.fee(), q.minimum(), q.meetsMinimum(),
                p.minutes(), p.preparationMinutes(), p.courierMinutes(), p.travelMinutes(), p.thirtyMinutes());
    }
}
