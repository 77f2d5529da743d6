package o2o.merchants.web;

import java.time.Clock;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.merchants.NearbyQuery;
import o2o.merchants.NearbyStore;
import o2o.merchants.Stores;
import o2o.shared.GeoPoint;
import o2o.shared.Page;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding stores: public, no sign-in needed. */
@RestController
@Tag(name = "Stores")
class StoreApi {

    private final Stores stores;
    private final Clock clock;

    StoreApi(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    @Operation(summary = "Listed stores near a point, nearest first, paged by cursor")
    @GetMapping("/api/v1/stores/nearby")
    Page<NearbyStore> nearby(@RequestParam double lat, @RequestParam double lng,
            @RequestParam(defaultValue = "3000") int radiusMeters, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String cursor) {
        return stores.nearby(new NearbyQuery(new GeoPoint(lat, lng), radiusMeters, limit, q, category, cursor));
    }

    @GetMapping("/api/v1/stores/{id}")
    StoreResponse store(@PathVariable UUID id) {
        return stores.findListed(id)
                .map(store -> StoreResponse.of(store, clock.instant()))
                .orElseThrow(() -> Problem.notFound("store"));
    }
}
