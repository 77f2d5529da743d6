package o2o.merchants;

import java.time.Instant;

import o2o.shared.MerchantId;

/** An operator turned a merchant's application down, with a reason the applicant is told. */
public record MerchantRejected(MerchantId merchantId, String contactPhone, String reason, Instant at) {}
