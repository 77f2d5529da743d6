package o2o.malls;

import java.util.Objects;
import java.util.UUID;

/** A mall's id. */
public record MallId(UUID value) {

    public MallId {
        Objects.requireNonNull(value, "mall id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
