package o2o.delivery;

import java.util.Locale;

import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.shared.PhoneNumber;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the customer is told as their delivery moves: texted to the phone it goes to, and in the app. */
@Component
class DeliveryNotices {

    private final Notifications notifications;
    private final MessageSource messages;

    DeliveryNotices(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    void accepted(Delivery d, String storeName) {
        tell(d, MessageKind.DELIVERY_ACCEPTED, "delivery.sms.accepted", storeName, d.promisedMinutes());
    }

    void pickedUp(Delivery d, String storeName) {
        tell(d, MessageKind.DELIVERY_PICKED_UP, "delivery.sms.picked-up", storeName, d.code());
    }

    void delivered(Delivery d, String storeName) {
        tell(d, MessageKind.DELIVERY_DELIVERED, "delivery.sms.delivered", storeName);
    }

    void unreachable(Delivery d, String storeName) {
        tell(d, MessageKind.DELIVERY_UNREACHABLE, "delivery.sms.unreachable", storeName);
    }

    private void tell(Delivery d, MessageKind kind, String key, Object... args) {
        var text = messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
        notifications.sms(new PhoneNumber(d.destination().phone()), kind, kind.params(args), text);
        notifications.inApp(d.customerId().value(), kind, text);
    }
}
