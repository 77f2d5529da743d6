package o2o.tableorders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * One diner's addition to the table's cart, priced by the store's menu as it is now.
 *
 * @param unitPrice null while the dish cannot be ordered ({@code refusal} says why: its problem slug, e.g.
 *     {@code menu-item-sold-out}); such a line stops the round until it is removed
 */
public record CartLine(UUID id, UUID itemId, String name, List<UUID> optionIds, List<String> options,
        @Nullable String note, int quantity, @Nullable Money unitPrice, @Nullable Money amount, String addedBy,
        @Nullable UUID customerId, Instant addedAt, @Nullable String refusal) {}
