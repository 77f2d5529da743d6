package o2o.pos;

import java.util.List;
import java.util.UUID;

import o2o.identity.PosKey;
import o2o.identity.PosKeys;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.stereotype.Service;

/**
 * The owner's side of POS keys: a key is made for one of the owner's stores (identity keeps and checks the keys; the
 * store's ownership is checked here, where stores are known). Another merchant's store is "not found".
 */
@Service
public class PosKeyAdmin {

    private final PosKeys keys;
    private final Stores stores;

    PosKeyAdmin(PosKeys keys, Stores stores) {
        this.keys = keys;
        this.stores = stores;
    }

    public PosKey.Issued create(StaffPrincipal staff, UUID storeId, String name) {
        var store = ownersStore(staff, storeId);
        return keys.create(new MerchantId(store.merchantId()), new StoreId(store.id()), name, staff.staffId());
    }

    public List<PosKey> of(StaffPrincipal staff, UUID storeId) {
        var store = ownersStore(staff, storeId);
        return keys.ofStore(new MerchantId(store.merchantId()), new StoreId(store.id()));
    }

    public PosKey revoke(StaffPrincipal staff, StoreId storeId, UUID keyId) {
        var store = ownersStore(staff, storeId.value());
        return keys.revoke(new MerchantId(store.merchantId()), new StoreId(store.id()), keyId);
    }

    /**
     * The stores whose keys this person sees, with their keys, for the POS page of owners and managers: only the owner
     * sees keys, so a manager gets none (and the page shows them the sales alone).
     */
    public List<StoreKeys> overview(StaffPrincipal staff) {
        if (staff.merchantId() == null || !staff.role().manages()) throw Problem.forbidden("only owners and managers");
        if (staff.role() != Role.OWNER) return List.of();
        var all = keys.ofMerchant(staff.merchantId());
        return stores.visibleTo(staff).stream()
                .map(store -> new StoreKeys(store, all.stream().filter(k -> k.storeId().equals(store.id())).toList()))
                .toList();
    }

    public record StoreKeys(Store store, List<PosKey> keys) {}

    private Store ownersStore(StaffPrincipal staff, UUID storeId) {
        var store = stores.get(staff, storeId);
        if (staff.role() != Role.OWNER) throw Problem.forbidden("only the owner manages POS keys");
        return store;
    }
}
