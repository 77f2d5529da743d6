package o2o.tableorders;

import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** A dish as asked for, checked: an item, its options (none empty), 1–99 of it, a note of at most 140 characters. */
record WantedDish(UUID itemId, List<UUID> optionIds, int quantity, @Nullable String note) {

    static final int MAX_QUANTITY = 99;
    static final int MAX_NOTE = 140;

    static WantedDish of(@Nullable LineRequest request) {
        if (request == null || request.itemId() == null) throw new InvalidInput("itemId", "required");
        int quantity = request.quantity() == null ? 1 : request.quantity();
        requireQuantity(quantity);
        var options = request.optionIds() == null ? List.<UUID>of() : request.optionIds();
        if (options.stream().anyMatch(o -> o == null)) throw new InvalidInput("optionIds", "an empty option");
        var note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > MAX_NOTE) throw new InvalidInput("note", "at most 140 characters");
        return new WantedDish(request.itemId(), List.copyOf(options), quantity, note);
    }

    /** How many of a dish one line may hold. */
    static int requireQuantity(@Nullable Integer quantity) {
        if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidInput("quantity", "between 1 and 99");
        }
        return quantity;
    }
}
