/**
 * Stored value (储值): a member's balance at a merchant, topped up at the counter with bonus rules (pay 500, get 550),
 * principal and bonus kept apart on the ledger, and spent as a payment provider ({@code wallet}) at checkout or charged at
 * the counter. Members also top up online: an order of channel TOP_UP, credited when it is paid. Unused principal is
 * refundable under the merchant's rule; bonus never is.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "ledger", "payments", "merchants", "orders"})
@NullMarked
package o2o.wallet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
