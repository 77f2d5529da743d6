package o2o.vouchers;

import java.time.Instant;

import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.StoreId;

/**
 * A manager undid a redemption made in error ({@link VoucherRedeemed}); the voucher can be used again, and what
 * counted the redemption takes it back.
 *
 * @param redeemedAt when the redemption undone was made
 */
public record RedemptionReversed(RedemptionId redemptionId, VoucherId voucherId, OrderId orderId,
        MerchantId merchantId, StoreId storeId, Instant redeemedAt, Instant at) {}
