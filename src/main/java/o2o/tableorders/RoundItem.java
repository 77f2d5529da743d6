package o2o.tableorders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * One dish of a round, priced by the store's menu when the round was sent.
 *
 * @param addedBy who put it in the cart: a customer id, {@code anon:<key>} or {@code staff:<staff id>}
 * @param customerId the signed-in diner who added it, if one did
 */
public record RoundItem(UUID id, UUID roundId, int roundNumber, UUID itemId, String name, List<String> options,
        @Nullable String note, Money unitPrice, int quantity, Money amount, String addedBy,
        @Nullable UUID customerId, ItemState state, Instant stateAt) {}
