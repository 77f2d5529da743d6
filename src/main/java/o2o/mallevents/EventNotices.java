package o2o.mallevents;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import o2o.campaigns.ResultsPeriod;
import o2o.identity.Customers;
import o2o.malls.Mall;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What an attendee is told: the reminder before the start (SMS and in-app), and that the mall cancelled the event. */
@Component
class EventNotices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE)
            .withZone(ResultsPeriod.ZONE);

    private final Customers customers;
    private final Notifications notifications;
    private final MessageSource messages;

    EventNotices(Customers customers, Notifications notifications, MessageSource messages) {
        this.customers = customers;
        this.notifications = notifications;
        this.messages = messages;
    }

    void reminder(Mall mall, MallEvent event, SignUp signUp) {
        var time = TIME.format(event.terms().startsAt());
        var text = messages.getMessage("mallevents.sms.reminder",
                new Object[] {mall.name(), event.terms().title(), time, event.terms().place()}, Locale.SIMPLIFIED_CHINESE);
        customers.phoneOf(signUp.customerId().value()).ifPresent(phone -> notifications.sms(phone,
                MessageKind.MALL_EVENT_REMINDER, MessageKind.MALL_EVENT_REMINDER.params(mall.name(),
                        event.terms().title(), time), text));
        notifications.inApp(signUp.customerId().value(), MessageKind.MALL_EVENT_REMINDER, text);
    }

    void cancelled(Mall mall, MallEvent event, SignUp signUp) {
        var text = messages.getMessage("mallevents.inapp.cancelled",
                new Object[] {mall.name(), event.terms().title(), TIME.format(event.terms().startsAt())},
                Locale.SIMPLIFIED_CHINESE);
        notifications.inApp(signUp.customerId().value(), MessageKind.MALL_EVENT_REMINDER, text);
    }
}
