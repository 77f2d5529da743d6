package o2o.vouchers;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.StoreId;

/** A voucher was used in a store. */
public record VoucherRedeemed(VoucherId voucherId, RedemptionId redemptionId, OrderId orderId, MerchantId merchantId,
        StoreId storeId, CustomerId customerId, Instant at) {}
