package o2o.vouchers;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A voucher used at a store counter: who, where, when, on which device; and whether a manager reversed it. */
public record Redemption(UUID id, UUID voucherId, String code, UUID merchantId, UUID storeId, UUID staffId,
        String device, Instant redeemedAt, @Nullable Instant reversedAt, String dealTitle) {

    /** A redemption is reversed once, and only within {@code window} of it. */
    public void requireReversibleAt(Instant now, Duration window) {
        if (reversedAt != null) throw alreadyReversed();
        if (redeemedAt.plus(window).isBefore(now)) {
            throw new Problem(HttpStatus.CONFLICT, "reversal-window-over",
                    "redemptions can be reversed within " + window.toMinutes() + " minutes");
        }
    }

    static Problem alreadyReversed() {
        return new Problem(HttpStatus.CONFLICT, "redemption-already-reversed", "this redemption was reversed already");
    }
}
