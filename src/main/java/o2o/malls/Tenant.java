package o2o.malls;

import java.time.Instant;

import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.StoreId;

/** A store renting a unit in a mall: on which floor, which unit ("L2-15"), and the directory's category ("餐饮"). */
public record Tenant(MallId mall, StoreId store, MerchantId merchant, int floor, String unit, String category,
        Instant joinedAt) {

    /** Where a tenant is placed, as the operator types it. */
    public record Placement(int floor, String unit, String category) {

        public Placement {
            unit = unit.strip();
            category = category.strip();
            if (unit.isEmpty() || unit.length() > 20) throw new InvalidInput("unit", "1 to 20 characters");
            if (category.isEmpty() || category.length() > 20) throw new InvalidInput("category", "1 to 20 characters");
        }
    }
}
