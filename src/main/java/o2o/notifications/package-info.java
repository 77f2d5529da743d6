/**
 * Messages to people (SMS, in-app) through an outbox: a message is written in the sender's transaction and delivered
 * after commit by a relay, so a rolled-back business change never texts anybody and a crash never loses a message.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package o2o.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
