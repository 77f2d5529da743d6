package o2o.payments;

import java.util.Objects;
import java.util.UUID;

/** A payment's id. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "payment id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
