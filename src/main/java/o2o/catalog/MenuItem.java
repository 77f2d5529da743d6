package o2o.catalog;

import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A dish or drink of a merchant, at its base price, with the option groups a customer chooses from. */
public record MenuItem(UUID id, UUID merchantId, UUID categoryId, String name, String description,
        @Nullable String photoUrl, Money price, boolean active, List<OptionGroup> optionGroups) {

    /** The lowest price any choice of options can reach from this starting price, in minor units (may be negative). */
    long lowestWith(Money start) {
        return start.minor() + optionGroups.stream().mapToLong(OptionGroup::largestDiscountMinor).sum();
    }
}
