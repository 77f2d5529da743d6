package o2o.merchants;

import java.time.Instant;
import java.util.UUID;

/** An operator turned a merchant's application down, with a reason the applicant is told. */
public record MerchantRejected(UUID merchantId, String contactPhone, String reason, Instant at) {}
