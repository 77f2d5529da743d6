package o2o.catalog;

import java.util.List;
import java.util.UUID;

import o2o.shared.Money;

/**
 * A line as the server prices it: the store's price of the item plus the chosen options' deltas, times the quantity.
 * Orders build their lines from this, never from a price the client sent.
 */
public record PricedLine(UUID itemId, String name, List<UUID> optionIds, List<String> options, Money unitPrice,
        int quantity, Money amount) {}
