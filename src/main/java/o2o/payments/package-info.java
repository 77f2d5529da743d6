/**
 * Taking money: payment providers behind one interface (WeChat Pay, Alipay, stored value; the sandbox in demo, dev and
 * test runs only), the payments and refunds of orders, each merchant's own gateway accounts (keys encrypted at rest)
 * and the operator's switch per gateway. Gateways' signed notifications are processed exactly once; payments no
 * notification confirmed are asked about ({@code PendingPayments}); refunds are sent after commit and retried with the
 * same number ({@code RefundRelay}). The {@code sandbox} behaves like a real gateway (hosted pay page, asynchronous
 * signed webhooks with retries) so the whole flow runs without one.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package o2o.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
