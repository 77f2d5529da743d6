/**
 * Taking money: payment providers behind one interface, the payments and refunds of orders, and the providers'
 * signed webhooks, each processed exactly once. The {@code sandbox} provider behaves like a real gateway (hosted pay
 * page, asynchronous signed webhooks with retries) so the whole flow runs without one.
 */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package o2o.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
