package o2o.merchants;

import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.shared.PhoneNumber;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/** Tells an applicant by SMS how their application was decided, after the decision has committed. */
@Component
class MerchantNotices {

    private final Notifications notifications;
    private final MessageSource messages;

    MerchantNotices(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(MerchantApproved event) {
        notifications.sms(new PhoneNumber(event.contactPhone()), MessageKind.MERCHANT_APPROVED, Map.of(),
                messages.getMessage("sms.merchant-approved", null, Locale.SIMPLIFIED_CHINESE));
    }

    @ApplicationModuleListener
    void on(MerchantRejected event) {
        notifications.sms(new PhoneNumber(event.contactPhone()), MessageKind.MERCHANT_REJECTED,
                Map.of("reason", event.reason()),
                messages.getMessage("sms.merchant-rejected", new Object[] {event.reason()}, Locale.SIMPLIFIED_CHINESE));
    }
}
