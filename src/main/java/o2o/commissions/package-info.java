/**
 * Commission: what the platform, or a merchant that takes commission from others (a mall's own merchant), takes of a
 * merchant's paid orders, at a rate in basis points per merchant or per merchant category from a day on (a merchant's
 * own rate wins over its category's; the platform's and a taker merchant's both apply, as two charges). A mall's
 * category rate is of the category its tenants rent under in the mall ({@code malls}), so it reaches only its tenants. A charge is
 * recorded once per order and taker, half-even on the order's total, and posted on the ledger
 * ({@code COMMISSION_DUE} of the merchant towards the taker, against the taker's {@code COMMISSION_EARNED}); a refund
 * gives back the refunded share of it, once per refund, the whole of it when the order is refunded in full.
 * <p>
 * Paid orders and refunds are heard in their own transaction and written down with one insert
 * ({@code commission_pending_fact}) only for a merchant a rate may apply to (rates are kept in memory); a drain counts
 * them in batches, one drain at a time. Statements per period are read from the module's own charges and reversals.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "malls", "orders", "ledger"})
@NullMarked
package o2o.commissions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
