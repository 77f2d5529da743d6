package o2o.shared;

import java.util.Objects;
import java.util.UUID;

/** An order's id; shared because payments, which orders builds on, names the order it takes money for. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "order id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
