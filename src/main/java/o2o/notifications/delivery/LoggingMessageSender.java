package o2o.notifications.delivery;

import o2o.notifications.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The default carrier: writes the message to the log. Development reads it there or in the dev inbox. */
@Component
class LoggingMessageSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger("o2o.notifications.outbox");

    @Override
    public void send(Message message) {
        log.info("{} to {}: {}", message.channel(), message.recipient(), message.body());
    }
}
