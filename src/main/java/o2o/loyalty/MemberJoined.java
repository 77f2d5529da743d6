package o2o.loyalty;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;

/** A customer became a member of a merchant now (joining again publishes nothing). */
public record MemberJoined(MerchantId merchantId, CustomerId customerId, String channel, Instant at) {}
