/**
 * Malls: a building run by one merchant (the mall operator), its floors, and the stores of other merchants that rent
 * units in it (tenants). The mall's merchant owns the group points program every tenant's merchant collects in, so a
 * member of the mall earns and spends points at any tenant. The mall operator is that merchant's owners and managers,
 * with their own console ({@code /merchant/mall}); tenants keep their own console.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "loyalty", "ledger", "coupons"})
@NullMarked
package o2o.malls;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
