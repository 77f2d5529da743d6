package o2o.pos.web;

import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.pos.PosKeyAdmin;
import o2o.pos.PosSales;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The owner's POS keys per store (the full key only in the answer to its creation) and the recent POS sales. */
@RestController
class PosKeyApi {

    private final PosKeyAdmin admin;
    private final PosSales sales;

    PosKeyApi(PosKeyAdmin admin, PosSales sales) {
        this.admin = admin;
        this.sales = sales;
    }

    @PostMapping("/api/v1/merchant/stores/{storeId}/pos-keys")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedKey create(StaffPrincipal staff, @PathVariable UUID storeId, @RequestBody KeyRequest request) {
        var issued = admin.create(staff, storeId, request.name() == null ? "" : request.name());
        return new CreatedKey(KeyResponse.of(issued.key()), issued.secret());
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/pos-keys")
    List<KeyResponse> list(StaffPrincipal staff, @PathVariable UUID storeId) {
        return admin.of(staff, storeId).stream().map(KeyResponse::of).toList();
    }

    @DeleteMapping("/api/v1/merchant/stores/{storeId}/pos-keys/{keyId}")
    KeyResponse revoke(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID keyId) {
        return KeyResponse.of(admin.revoke(staff, new StoreId(storeId), keyId));
    }

    @GetMapping("/api/v1/merchant/pos/sales")
    List<SaleResponse> recentSales(StaffPrincipal staff) {
        if (staff.merchantId() == null || !staff.role().manages()) throw Problem.forbidden("only owners and managers");
        return sales.recent(staff.merchantId(), 50).stream().map(SaleResponse::of).toList();
    }

}
