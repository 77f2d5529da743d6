package o2o.vouchers;

import java.util.Objects;
import java.util.UUID;

/** A voucher's id. */
public record VoucherId(UUID value) {

    public VoucherId {
        Objects.requireNonNull(value, "voucher id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
