package o2o.shared;

import java.util.Objects;
import java.util.UUID;

/** A customer's id. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "customer id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
