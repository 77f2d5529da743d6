package o2o.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import o2o.shared.MerchantId;
import o2o.shared.StoreId;

/**
 * A signed-in member of a merchant's staff or a platform operator. Serializable: a console session keeps it.
 *
 * @param merchantId the merchant they work for; null for operators
 * @param storeIds the stores they are limited to; empty means all of the merchant's stores
 */
public record StaffPrincipal(UUID staffId, String username, @Nullable UUID merchantId, Role role, Set<UUID> storeIds)
        implements Serializable {

    public StaffPrincipal {
        storeIds = Set.copyOf(storeIds);
    }

    public boolean worksFor(UUID merchant) {
        return merchant.equals(merchantId);
    }

    /** True when this person may act in that store of that merchant. */
    public boolean canActIn(MerchantId merchant, StoreId store) {
        return worksFor(merchant.value()) && (storeIds.isEmpty() || storeIds.contains(store.value()));
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
