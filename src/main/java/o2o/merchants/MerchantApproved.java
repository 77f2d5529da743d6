package o2o.merchants;

import java.time.Instant;

import o2o.shared.MerchantId;

/** An operator let a merchant onto the platform; its stores are now listed. */
public record MerchantApproved(MerchantId merchantId, String contactPhone, Instant at) {}
