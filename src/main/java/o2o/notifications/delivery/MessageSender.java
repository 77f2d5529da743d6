package o2o.notifications.delivery;

import o2o.notifications.Message;

/**
 * Hands an SMS to a carrier. Throwing {@link MessageRefused} records it as failed; any other exception leaves it
 * queued for the next attempt. In-app messages never reach a sender: the outbox row is the inbox.
 */
public interface MessageSender {

    void send(Message message);
}
