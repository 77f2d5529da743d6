package o2o.malls.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.StaffPrincipal;
import o2o.malls.Malls;
import o2o.shared.StoreId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The mall operator's own mall: its floors and tenants, and moving a tenant between floors, units and categories. */
@RestController
@Tag(name = "Mall operator")
class MallConsoleApi {

    private final Malls malls;
    private final MallViews views;

    MallConsoleApi(Malls malls, MallViews views) {
        this.malls = malls;
        this.views = views;
    }

    @GetMapping("/api/v1/merchant/mall")
    MallResponse mine(StaffPrincipal staff) {
        return views.of(malls.operatedBy(staff));
    }

    @GetMapping("/api/v1/merchant/mall/tenants")
    List<MallResponse.TenantResponse> tenants(StaffPrincipal staff) {
        return views.of(malls.operatedBy(staff)).tenants();
    }

    @PutMapping("/api/v1/merchant/mall/tenants/{storeId}")
    MallResponse.TenantResponse place(StaffPrincipal staff, @PathVariable UUID storeId,
            @Valid @RequestBody MallAdminApi.PlacementRequest request) {
        var tenant = malls.place(malls.operatedBy(staff).id(), new StoreId(storeId), request.placement());
        return MallResponse.TenantResponse.of(tenant, views.storesOf(List.of(tenant)));
    }
}
