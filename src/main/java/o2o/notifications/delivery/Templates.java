package o2o.notifications.delivery;

import o2o.notifications.Message;
import o2o.notifications.Notifications;

/** Which approved template a gateway sends for a message, or why it cannot send any. */
final class Templates {

    private Templates() {}

    static String of(Message message, SmsProperties sms) {
        if (message.channel() != Notifications.Channel.SMS) {
            throw new IllegalArgumentException("an SMS gateway sends SMS, not " + message.channel());
        }
        var kind = message.kind();
        if (kind == null) throw new MessageRefused("queued before SMS templates: no kind to pick a template by");
        var template = sms.template(kind);
        if (template == null) {
            throw new MessageRefused("no template for " + kind + ": set " + SmsProperties.variable(kind));
        }
        return template;
    }
}
