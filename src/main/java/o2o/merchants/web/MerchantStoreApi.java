package o2o.merchants.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's own stores, for its staff. */
@RestController
@Tag(name = "Merchant: stores")
class MerchantStoreApi {

    private final Stores stores;
    private final Clock clock;

    MerchantStoreApi(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/api/v1/merchant/stores")
    List<StoreResponse> list(StaffPrincipal staff) {
        return stores.visibleTo(staff).stream().map(store -> StoreResponse.of(store, clock.instant())).toList();
    }

    @PostMapping("/api/v1/merchant/stores")
    @ResponseStatus(HttpStatus.CREATED)
    StoreResponse open(StaffPrincipal staff, @Valid @RequestBody StoreRequest request) {
        return StoreResponse.of(stores.open(staff, request.toDetails()), clock.instant());
    }

    @GetMapping("/api/v1/merchant/stores/{id}")
    StoreResponse get(StaffPrincipal staff, @PathVariable UUID id) {
        return StoreResponse.of(stores.get(staff, id), clock.instant());
    }

    @PutMapping("/api/v1/merchant/stores/{id}")
    StoreResponse update(StaffPrincipal staff, @PathVariable UUID id, @Valid @RequestBody StoreRequest request) {
        return StoreResponse.of(stores.update(staff, id, request.toDetails()), clock.instant());
    }
}
