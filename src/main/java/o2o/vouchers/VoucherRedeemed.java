package o2o.vouchers;

import java.time.Instant;
import java.util.UUID;

/** A voucher was used in a store. */
public record VoucherRedeemed(UUID voucherId, UUID redemptionId, UUID orderId, UUID merchantId, UUID storeId,
        UUID customerId, Instant at) {}
