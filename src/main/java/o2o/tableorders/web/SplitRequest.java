package o2o.tableorders.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import o2o.tableorders.Bill;
import org.jspecify.annotations.Nullable;

/** {@code parts} only for an EVEN split: 1 to 99 diners. */
@Schema(name = "BillSplitRequest")
record SplitRequest(@NotNull Bill.Split split, @Nullable @Min(1) @Max(99) Integer parts) {

    int partsOrOne() {
        return parts == null ? (split == Bill.Split.EVEN ? 0 : 1) : parts;
    }
}
