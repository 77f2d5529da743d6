/**
 * The double-entry journal behind points, stored value and merchant settlement. Entries are append-only (the database
 * refuses updates and deletes), each entry's postings sum to zero (checked at commit), each entry has a unique
 * reference so a replayed request or event posts once, and an account that may not go negative never does, however
 * many post at once. Balances are a projection of the journal that reconciliation recomputes.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package o2o.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
