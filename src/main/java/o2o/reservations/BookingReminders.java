package o2o.reservations;

import java.time.Clock;

import o2o.merchants.Stores;
import o2o.reservations.persistence.Bookings;
import org.springframework.stereotype.Component;

/** The reminders of confirmed bookings, each sent once however many nodes look for the due ones at once. */
@Component
class BookingReminders {

    private final Bookings bookings;
    private final Stores stores;
    private final BookingNotices notices;
    private final Clock clock;

    BookingReminders(Bookings bookings, Stores stores, BookingNotices notices, Clock clock) {
        this.bookings = bookings;
        this.stores = stores;
        this.notices = notices;
        this.clock = clock;
    }

    int sendDue(int limit) {
        var due = bookings.claimDueReminders(clock.instant(), limit);
        for (var id : due) {
            var booking = bookings.find(id).orElseThrow();
            notices.reminder(booking, stores.find(booking.storeId()).orElseThrow());
        }
        return due.size();
    }
}
