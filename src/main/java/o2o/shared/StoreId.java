package o2o.shared;

import java.util.Objects;
import java.util.UUID;

/** A store's id. */
public record StoreId(UUID value) {

    public StoreId {
        Objects.requireNonNull(value, "store id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
