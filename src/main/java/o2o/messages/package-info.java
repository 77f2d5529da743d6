/**
 * The customer's messages: the page and API on which a signed-in customer reads the in-app messages that the
 * notifications module queued for them, marks them read, and sees how many are unread in the navigation. The
 * messages themselves (and their read state) belong to notifications; this module only knows who is asking, which
 * notifications cannot (identity already depends on it to send sign-in codes).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "notifications"})
@NullMarked
package o2o.messages;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
