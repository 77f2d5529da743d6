package o2o.tableorders.web;

import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.tableorders.Bill;
import org.jspecify.annotations.Nullable;

/** What the bill pages' form fields mean: a split as {@link Bill.Split}, a coupon as its id; 400 otherwise. */
final class BillFormValues {

    private BillFormValues() {}

    static Bill.Split split(String typed) {
        try {
            return Bill.Split.valueOf(typed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("split", "WHOLE, EVEN or ITEMS");
        }
    }

    static @Nullable UUID coupon(@Nullable String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("couponId", "not a coupon");
        }
    }
}
