/**
 * Outgoing webhooks: a merchant's own systems hear about its vouchers redeemed, orders paid and members joined.
 * Owners configure endpoints with the event types they want; domain events become one delivery per matching endpoint
 * (idempotent by endpoint and event), sent signed over HTTP by a relay that retries with back-off and logs every
 * attempt.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "orders", "vouchers", "loyalty"})
@NullMarked
package o2o.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
