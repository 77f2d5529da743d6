/**
 * Who is calling: customers (phone + one-time SMS code, or WeChat web authorization once their phone is proven),
 * merchant staff and platform operators (username + password), their roles, and the tokens and sessions that carry
 * them.
 */
@ApplicationModule(allowedDependencies = {"shared", "notifications"})
@NullMarked
package o2o.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
