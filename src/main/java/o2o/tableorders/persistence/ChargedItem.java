package o2o.tableorders.persistence;

import java.util.List;
import java.util.UUID;

import o2o.shared.Money;

/** A menu item as a bill charges it, for the order that pays a share. */
public record ChargedItem(UUID itemId, String name, List<String> options, Money unitPrice, int quantity,
        Money amount) {

    public String title() {
        return options.isEmpty() ? name : name + " (" + String.join(", ", options) + ")";
    }
}
