package o2o.shared;

import java.util.Objects;
import java.util.UUID;

/** A merchant's id. */
public record MerchantId(UUID value) {

    public MerchantId {
        Objects.requireNonNull(value, "merchant id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
