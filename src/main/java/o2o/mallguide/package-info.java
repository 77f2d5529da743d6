/**
 * The mall guide: a mall's public page (its directory by floor and category, each tenant's deals and menu), a search
 * across every tenant's deals and menu items, and one cart across tenants, picked up or delivered, placed as one
 * pick-up or delivery order per tenant and paid once to the mall, which books what it collected for each tenant on
 * the ledger ({@code MALL_COLLECTED_DUE}).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "malls", "catalog", "deals", "orders",
        "pickup", "delivery", "payments", "ledger"})
@NullMarked
package o2o.mallguide;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
