package o2o.identity;

import java.time.Instant;
import java.util.UUID;

/** A physical member card of a merchant, bound to a customer. */
public record MemberCard(UUID merchantId, String cardNumber, UUID customerId, String maskedPhone, Instant boundAt) {}
