package o2o.notifications.delivery;

import o2o.notifications.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in carrier of demo, dev and test runs (or of {@code o2o.notifications.sms.provider=log}): writes the SMS
 * to the log. Development reads it there or in the dev inbox.
 */
class LoggingMessageSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger("o2o.notifications.outbox");

    @Override
    public void send(Message message) {
        log.info("{} {} to {}: {}", message.channel(), message.kind(), message.recipient(), message.body());
    }
}
