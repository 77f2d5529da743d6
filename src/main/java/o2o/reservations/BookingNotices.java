package o2o.reservations;

import java.util.Locale;

import o2o.identity.Customers;
import o2o.merchants.Store;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the customer is told about their booking, by text message when they have a phone and in the app. */
@Component
class BookingNotices {

    private final Customers customers;
    private final Notifications notifications;
    private final MessageSource messages;

    BookingNotices(Customers customers, Notifications notifications, MessageSource messages) {
        this.customers = customers;
        this.notifications = notifications;
        this.messages = messages;
    }

    void confirmed(Reservation booking, Store store) {
        tell(booking, MessageKind.RESERVATION_CONFIRMED, "reservations.sms.confirmed", store.name(), booking.date(),
                booking.time(), booking.partySize(), booking.tableType());
    }

    void reminder(Reservation booking, Store store) {
        tell(booking, MessageKind.RESERVATION_REMINDER, "reservations.sms.reminder", store.name(), booking.date(),
                booking.time(), booking.partySize());
    }

    /** A message in Chinese, numbers kept as numbers and everything else as its text. */
    String text(String key, Object... args) {
        var strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) strings[i] = args[i] instanceof Number n ? n : String.valueOf(args[i]);
        return messages.getMessage(key, strings, Locale.SIMPLIFIED_CHINESE);
    }

    private void tell(Reservation booking, MessageKind kind, String key, Object... args) {
        var text = text(key, args);
        customers.phoneOf(booking.customerId())
                .ifPresent(phone -> notifications.sms(phone, kind, kind.params(args), text));
        notifications.inApp(booking.customerId(), kind, text);
    }
}
