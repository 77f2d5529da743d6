package o2o.vouchers;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** One unit of a paid deal, to be used once in a store. */
public record Voucher(UUID id, UUID merchantId, UUID orderId, UUID customerId, UUID dealId, String dealTitle,
        VoucherCode code, Status status, Money price, Instant validFrom, Instant validUntil, Instant issuedAt,
        @Nullable Instant redeemedAt, @Nullable UUID redeemedStoreId) {

    public enum Status { ISSUED, REDEEMED, REFUNDED, EXPIRED }

    /** Only an ISSUED voucher is redeemed; a REDEEMED one is refused with where it was used, by its caller. */
    public void requireIssued() {
        if (status != Status.ISSUED) {
            throw new Problem(HttpStatus.CONFLICT, "voucher-not-redeemable", "this voucher is " + status,
                    Map.of("voucherStatus", status.name()));
        }
    }
}
