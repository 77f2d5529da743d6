package o2o.vouchers;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A voucher used at a store counter: who, where, when, on which device; and whether a manager reversed it. */
public record Redemption(UUID id, UUID voucherId, String code, UUID merchantId, UUID storeId, UUID staffId,
        String device, Instant redeemedAt, @Nullable Instant reversedAt, String dealTitle) {}
