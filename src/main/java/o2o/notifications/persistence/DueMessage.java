package o2o.notifications.persistence;

import o2o.notifications.Message;

/** A queued message the relay has claimed, with the attempts made before. */
public record DueMessage(Message message, int attempts) {}
