package o2o.merchants;

import java.time.Instant;
import java.util.UUID;

/** An operator let a merchant onto the platform; its stores are now listed. */
public record MerchantApproved(UUID merchantId, String contactPhone, Instant at) {}
