package o2o.vouchers;

import java.util.Objects;
import java.util.UUID;

/** A redemption's id: one use of a voucher in a store. */
public record RedemptionId(UUID value) {

    public RedemptionId {
        Objects.requireNonNull(value, "redemption id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
