package o2o.notifications.delivery;

import o2o.notifications.Message;

/** Hands a message to a carrier (an SMS gateway, a push service). Throwing leaves it queued for the next attempt. */
public interface MessageSender {

    void send(Message message);
}
