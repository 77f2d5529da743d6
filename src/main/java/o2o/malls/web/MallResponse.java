package o2o.malls.web;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.malls.Floor;
import o2o.malls.Mall;
import o2o.malls.Tenant;
import o2o.merchants.Store;

/** A mall as the directory and the consoles show it: the building's address and hours, floors, and tenants. */
record MallResponse(UUID id, String name, UUID ownerMerchantId, UUID buildingStoreId, String address, double lat,
        double lng, Map<DayOfWeek, List<String>> hours, UUID programId, List<Floor> floors, List<TenantResponse> tenants) {

    record TenantResponse(UUID storeId, UUID merchantId, String name, int floor, String unit, String category) {

        static TenantResponse of(Tenant tenant, Map<UUID, Store> stores) {
            var store = stores.get(tenant.store().value());
            return new TenantResponse(tenant.store().value(), tenant.merchant().value(),
                    store == null ? "" : store.name(), tenant.floor(), tenant.unit(), tenant.category());
        }
    }

    static MallResponse of(Mall mall, Store building, List<Tenant> tenants, Map<UUID, Store> stores) {
        return new MallResponse(mall.id().value(), mall.name(), mall.owner().value(), mall.building().value(),
                building.address(), building.location().lat(), building.location().lng(),
                building.openingHours().asText(), mall.programId(), mall.floors(),
                tenants.stream().map(t -> TenantResponse.of(t, stores)).toList());
    }
}
