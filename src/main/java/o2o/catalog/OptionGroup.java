package o2o.catalog;

import java.util.List;
import java.util.UUID;

/**
 * A choice on an item (规格, 辣度): a required group takes between {@code minChoices} and {@code maxChoices} of its
 * options; an optional one takes none or up to {@code maxChoices}.
 */
public record OptionGroup(UUID id, String name, boolean required, int minChoices, int maxChoices,
        List<Option> options) {

    /** One choice; its price delta in minor units may be negative (a small size), never taking a line below zero. */
    public record Option(UUID id, String name, long priceDeltaMinor) {}

    /** The largest amount choices in this group can take off the price. */
    long largestDiscountMinor() {
        return options.stream().mapToLong(Option::priceDeltaMinor).filter(d -> d < 0).sorted().limit(maxChoices)
                .sum();
    }
}
