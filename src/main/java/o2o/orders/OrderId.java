package o2o.orders;

import java.util.Objects;
import java.util.UUID;

/** An order's id. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "order id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
