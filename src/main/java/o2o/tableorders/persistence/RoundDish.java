package o2o.tableorders.persistence;

import java.util.UUID;

import o2o.catalog.PricedLine;
import org.jspecify.annotations.Nullable;

/** A dish to send in a round: priced by the menu, with the note and who added it. */
public record RoundDish(PricedLine priced, @Nullable String note, String addedBy, @Nullable UUID customerId) {}
