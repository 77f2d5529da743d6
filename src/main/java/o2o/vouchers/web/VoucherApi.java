package o2o.vouchers.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.vouchers.QrTokens;
import o2o.vouchers.Redemption;
import o2o.vouchers.Redemptions;
import o2o.vouchers.Vouchers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vouchers")
class VoucherApi {

    private final Vouchers vouchers;
    private final Redemptions redemptions;
    private final QrTokens qrTokens;

    VoucherApi(Vouchers vouchers, Redemptions redemptions, QrTokens qrTokens) {
        this.vouchers = vouchers;
        this.redemptions = redemptions;
        this.qrTokens = qrTokens;
    }

    @GetMapping("/api/v1/me/vouchers")
    List<VoucherResponse> mine(CustomerPrincipal customer) {
        return vouchers.ofCustomer(customer).stream().map(VoucherResponse::of).toList();
    }

    @GetMapping("/api/v1/me/vouchers/{id}")
    VoucherResponse one(CustomerPrincipal customer, @PathVariable UUID id) {
        return VoucherResponse.of(vouchers.ofCustomer(customer, id));
    }

    /** A fresh signed token for the voucher's QR code (short-lived; the page refreshes it). */
    @GetMapping("/api/v1/me/vouchers/{id}/qr-token")
    QrToken qrToken(CustomerPrincipal customer, @PathVariable UUID id) {
        var voucher = vouchers.ofCustomer(customer, id);
        return new QrToken(qrTokens.issue(voucher.id()), Instant.now());
    }

    @GetMapping(path = "/api/v1/me/vouchers/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(CustomerPrincipal customer, @PathVariable UUID id) {
        var voucher = vouchers.ofCustomer(customer, id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(qrTokens.png(qrTokens.issue(voucher.id()), 320));
    }

    @PostMapping("/api/v1/me/vouchers/{id}/refund")
    VoucherResponse refund(CustomerPrincipal customer, @PathVariable UUID id) {
        return VoucherResponse.of(vouchers.refund(customer, id));
    }

    @PostMapping("/api/v1/merchant/redemptions")
    Redemption redeem(StaffPrincipal staff, @Valid @RequestBody Redeem request) {
        return redemptions.redeem(staff, request.storeId(), request.code(), request.qrToken(),
                request.device() == null || request.device().isBlank() ? "api" : request.device());
    }

    @PostMapping("/api/v1/merchant/redemptions/{id}/reversal")
    Redemption reverse(StaffPrincipal staff, @PathVariable UUID id) {
        return redemptions.reverse(staff, id);
    }

    @GetMapping("/api/v1/merchant/redemptions")
    List<Redemption> log(StaffPrincipal staff, @RequestParam(required = false) @Nullable UUID storeId) {
        return redemptions.log(staff, storeId, 100);
    }
}
