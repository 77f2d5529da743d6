package o2o.vouchers;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** One unit of a paid deal, to be used once in a store. */
public record Voucher(UUID id, UUID merchantId, UUID orderId, UUID customerId, UUID dealId, String dealTitle,
        VoucherCode code, Status status, Money price, Instant validFrom, Instant validUntil, Instant issuedAt,
        @Nullable Instant redeemedAt, @Nullable UUID redeemedStoreId) {

    public enum Status { ISSUED, REDEEMED, REFUNDED, EXPIRED }
}
