package o2o.pickup;

import java.util.Locale;
import java.util.UUID;

import o2o.identity.Customers;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the customer is told about their pick-up order, by text message when they have a phone and in the app. */
@Component
class PickupNotices {

    private final Customers customers;
    private final Notifications notifications;
    private final MessageSource messages;

    PickupNotices(Customers customers, Notifications notifications, MessageSource messages) {
        this.customers = customers;
        this.notifications = notifications;
        this.messages = messages;
    }

    void numbered(UUID customerId, String storeName, int number) {
        tell(customerId, MessageKind.PICKUP_NUMBER, "pickup.sms.number", storeName, PickupOrder.format(number));
    }

    void ready(UUID customerId, String storeName, int number) {
        tell(customerId, MessageKind.PICKUP_READY, "pickup.sms.ready", storeName, PickupOrder.format(number));
    }

    void refunded(UUID customerId, String storeName, int number) {
        tell(customerId, MessageKind.PICKUP_REFUNDED, "pickup.sms.refunded", storeName, PickupOrder.format(number));
    }

    private void tell(UUID customerId, MessageKind kind, String key, Object... args) {
        var text = messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
        customers.phoneOf(customerId).ifPresent(phone -> notifications.sms(phone, kind, kind.params(args), text));
        notifications.inApp(customerId, kind, text);
    }
}
