package o2o.malls.web;

import java.util.Map;
import java.util.UUID;

import o2o.malls.Mall;
import o2o.malls.Malls;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import org.springframework.stereotype.Component;

/** Puts a mall together with its building and its tenants' stores, for the APIs and pages. */
@Component
class MallViews {

    private final Malls malls;
    private final Stores stores;

    MallViews(Malls malls, Stores stores) {
        this.malls = malls;
        this.stores = stores;
    }

    MallResponse of(Mall mall) {
        var tenants = malls.tenants(mall.id());
        return MallResponse.of(mall, malls.building(mall), tenants, storesOf(tenants));
    }

    /** The tenants' stores by id, in one read. */
    Map<UUID, Store> storesOf(java.util.List<o2o.malls.Tenant> tenants) {
        return stores.findAll(tenants.stream().map(t -> t.store().value()).toList());
    }
}
