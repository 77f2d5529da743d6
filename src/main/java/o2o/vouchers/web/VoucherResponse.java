package o2o.vouchers.web;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;
import o2o.vouchers.Voucher;
import org.jspecify.annotations.Nullable;

record VoucherResponse(UUID id, String code, Voucher.Status status, UUID dealId, String dealTitle, UUID orderId,
        Money price, Instant validFrom, Instant validUntil, @Nullable Instant redeemedAt, String qrUrl) {

    static VoucherResponse of(Voucher v) {
        return new VoucherResponse(v.id(), v.code().value(), v.status(), v.dealId(), v.dealTitle(), v.orderId(),
                v.price(), v.validFrom(), v.validUntil(), v.redeemedAt(), "/api/v1/me/vouchers/" + v.id() + "/qr.png");
    }
}
