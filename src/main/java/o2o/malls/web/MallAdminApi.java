package o2o.malls.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.malls.Floor;
import o2o.malls.MallId;
import o2o.malls.Malls;
import o2o.malls.Tenant;
import o2o.shared.StoreId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The platform's operator opens malls and lets merchants' stores in as tenants. */
@RestController
@Tag(name = "Operator: malls")
class MallAdminApi {

    private final Malls malls;
    private final MallViews views;

    MallAdminApi(Malls malls, MallViews views) {
        this.malls = malls;
        this.views = views;
    }

    record FloorRequest(@NotNull Integer level, @NotBlank @Size(max = 20) String name) {}

    /** A mall in the building {@code buildingStoreId} (a store of the mall's own merchant), with its floors. */
    record NewMallRequest(@NotNull UUID buildingStoreId, @NotBlank @Size(max = 40) String name,
            @NotNull @Size(min = 1, max = 40) List<@Valid @NotNull FloorRequest> floors) {}

    record TenantRequest(@NotNull UUID storeId, @NotNull Integer floor, @NotBlank @Size(max = 20) String unit,
            @NotBlank @Size(max = 20) String category) {}

    record PlacementRequest(@NotNull Integer floor, @NotBlank @Size(max = 20) String unit,
            @NotBlank @Size(max = 20) String category) {

        Tenant.Placement placement() {
            return new Tenant.Placement(floor, unit, category);
        }
    }

    @PostMapping("/api/v1/admin/malls")
    @ResponseStatus(HttpStatus.CREATED)
    MallResponse open(@Valid @RequestBody NewMallRequest request) {
        var floors = request.floors().stream().map(f -> new Floor(f.level(), f.name())).toList();
        return views.of(malls.open(new StoreId(request.buildingStoreId()), request.name(), floors));
    }

    @GetMapping("/api/v1/admin/malls")
    List<MallResponse> all() {
        return malls.all().stream().map(views::of).toList();
    }

    @GetMapping("/api/v1/admin/malls/{id}")
    MallResponse one(@PathVariable UUID id) {
        return views.of(malls.get(new MallId(id)));
    }

    @PostMapping("/api/v1/admin/malls/{id}/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    MallResponse.TenantResponse letIn(@PathVariable UUID id, @Valid @RequestBody TenantRequest request) {
        var tenant = malls.letIn(new MallId(id), new StoreId(request.storeId()),
                new Tenant.Placement(request.floor(), request.unit(), request.category()));
        return MallResponse.TenantResponse.of(tenant, views.storesOf(List.of(tenant)));
    }

    @PutMapping("/api/v1/admin/malls/{id}/tenants/{storeId}")
    MallResponse.TenantResponse place(@PathVariable UUID id, @PathVariable UUID storeId,
            @Valid @RequestBody PlacementRequest request) {
        var tenant = malls.place(new MallId(id), new StoreId(storeId), request.placement());
        return MallResponse.TenantResponse.of(tenant, views.storesOf(List.of(tenant)));
    }
}
