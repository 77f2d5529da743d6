/**
 * Table reservations: a store's bookable slots, table types and booking rules; bookings that take a slot's capacity
 * in one conditional statement; optional deposits paid as RESERVATION orders, refunded or forfeited by the
 * cancellation policy; reminders; check-in that seats the party at a table, and no-shows.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "dining", "orders", "payments",
        "notifications"})
@NullMarked
package o2o.reservations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
