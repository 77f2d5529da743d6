package o2o.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A dish or drink of a merchant, at its base price, with the option groups a customer chooses from. */
public record MenuItem(UUID id, UUID merchantId, UUID categoryId, String name, String description,
        @Nullable String photoUrl, Money price, boolean active, List<OptionGroup> optionGroups) {

    /** The lowest price any choice of options can reach from this starting price, in minor units (may be negative). */
    long lowestWith(Money start) {
        return start.minor() + optionGroups.stream().mapToLong(OptionGroup::largestDiscountMinor).sum();
    }

    /** No choice of options may take the item below zero from this starting price (its own, or a store's). */
    void requireNotBelowZeroFrom(Money start, String field) {
        if (lowestWith(start) < 0) {
            throw new InvalidInput(field, "the options' price deltas would take " + name + " below zero");
        }
    }

    /** A store's own price of this item: in its currency, sensible, and not below zero with any options. */
    void requireStorePrice(Money priceOverride) {
        if (!priceOverride.currency().equals(price.currency())) {
            throw new InvalidInput("priceOverride", "in " + price.currency().getCurrencyCode());
        }
        ItemDetails.requireSensible("priceOverride", priceOverride);
        requireNotBelowZeroFrom(priceOverride, "priceOverride");
    }

    /**
     * Prices a line from a starting price (the store's price of this item): plus the chosen options' deltas, times
     * the quantity. Options must be this item's, each chosen once, and within every group's rules.
     */
    public PricedLine priceAt(Money start, List<UUID> optionIds, int quantity) {
        if (quantity < 1 || quantity > 999) throw new InvalidInput("quantity", "between 1 and 999");
        var chosen = new HashSet<UUID>(optionIds);
        if (chosen.size() != optionIds.size()) throw new InvalidInput("optionIds", "an option is chosen twice");
        var known = new HashSet<UUID>();
        var names = new ArrayList<String>();
        var ids = new ArrayList<UUID>();
        long unit = start.minor();
        for (var group : optionGroups) {
            int taken = 0;
            for (var option : group.options()) {
                known.add(option.id());
                if (!chosen.contains(option.id())) continue;
                taken++;
                unit = Math.addExact(unit, option.priceDeltaMinor());
                names.add(option.name());
                ids.add(option.id());
            }
            if ((taken > 0 || group.required()) && (taken < group.minChoices() || taken > group.maxChoices())) {
                throw new InvalidInput("optionIds", group.name() + ": choose " + group.minChoices() + " to "
                        + group.maxChoices());
            }
        }
        if (!known.containsAll(chosen)) throw new InvalidInput("optionIds", "an option of another item");
        if (unit < 0) throw new InvalidInput("optionIds", "these options take the price below zero");
        var unitPrice = new Money(unit, start.currency());
        return new PricedLine(id, name, List.copyOf(ids), List.copyOf(names), unitPrice, quantity,
                unitPrice.times(quantity));
    }
}
