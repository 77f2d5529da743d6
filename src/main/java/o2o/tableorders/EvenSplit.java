package o2o.tableorders;

import java.util.ArrayList;
import java.util.List;

import o2o.shared.InvalidInput;
import o2o.shared.Money;

/** A bill split evenly between the diners. */
final class EvenSplit {

    private EvenSplit() {}

    /**
     * The amount divided by the parts, the remainder going one minor unit each to the first shares, so they add up
     * exactly to the amount.
     */
    static List<Money> shares(Money amount, int parts) {
        if (parts < 1) throw new InvalidInput("parts", "1 or more");
        long base = amount.minor() / parts;
        long remainder = amount.minor() % parts;
        var shares = new ArrayList<Money>(parts);
        for (int i = 0; i < parts; i++) shares.add(new Money(base + (i < remainder ? 1 : 0), amount.currency()));
        return shares;
    }
}
