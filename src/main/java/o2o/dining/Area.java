package o2o.dining;

import java.util.UUID;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** A part of a store's floor, such as 大厅 or 包间. */
public record Area(UUID id, UUID merchantId, UUID storeId, String name, int position) {

    /** An area as staff lay it out: a name of 1-20 characters, a position from 0 to 999. */
    static Area laidOut(UUID id, UUID merchantId, UUID storeId, @Nullable String name, int position) {
        var stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 20) throw new InvalidInput("name", "1-20 characters");
        if (position < 0 || position > 999) throw new InvalidInput("position", "between 0 and 999");
        return new Area(id, merchantId, storeId, stripped, position);
    }
}
