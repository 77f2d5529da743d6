package o2o.coupons;

import java.util.Set;
import java.util.UUID;

/**
 * Where a mall coupon may be used. The mall's merchant issues and funds it (the template's merchant); it is spent at
 * these tenant merchants (the template's store ids, when not empty, narrow it to those stores), and the mall owes
 * each one the discount it gave. With {@code allTenants} the malls module adds every tenant it lets in, so the set
 * is the mall's tenants as they are when the coupon is used. Coupons know the mall only by id and name: the malls
 * module decides who its tenants are.
 */
public record MallScope(UUID mallId, String mallName, boolean allTenants, Set<UUID> merchantIds) {

    public MallScope {
        merchantIds = Set.copyOf(merchantIds);
    }

    public boolean admits(UUID merchantId) {
        return merchantIds.contains(merchantId);
    }

    /** The ledger's scope of what the mall owes its tenants: {@code mall:<id>}. */
    public String ledgerScope() {
        return "mall:" + mallId;
    }
}
