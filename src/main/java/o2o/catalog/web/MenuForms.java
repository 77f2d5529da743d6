package o2o.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import o2o.catalog.ItemDetails;
import o2o.catalog.MenuItem;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Turns what the console's forms send into item details, keeping the ids of the groups and options that stay. */
final class MenuForms {

    private MenuForms() {}

    static ItemDetails detailsOf(MenuItem item, List<ItemDetails.Group> groups) {
        return new ItemDetails(item.categoryId(), item.name(), item.description(), item.photoUrl(), item.price(),
                groups);
    }

    static List<ItemDetails.Group> groupsOf(MenuItem item) {
        return item.optionGroups().stream().map(g -> new ItemDetails.Group(g.id(), g.name(), g.required(),
                g.minChoices(), g.maxChoices(), g.options().stream()
                        .map(o -> new ItemDetails.Choice(o.id(), o.name(), o.priceDeltaMinor())).toList()))
                .toList();
    }

    /** One option a line, "大 3" or "小 -1.5" (yuan; the last word is the delta when it is a number), or just "微辣". */
    static List<ItemDetails.Choice> options(@Nullable String text) {
        var choices = new ArrayList<ItemDetails.Choice>();
        if (text == null) return choices;
        for (var raw : text.split("\\R")) {
            var line = raw.strip();
            if (line.isEmpty()) continue;
            var split = line.lastIndexOf(' ');
            long delta = 0;
            var name = line;
            if (split > 0) {
                var amount = yuan(line.substring(split + 1));
                if (amount != null) {
                    delta = amount;
                    name = line.substring(0, split).strip();
                }
            }
            choices.add(new ItemDetails.Choice(null, name, delta));
        }
        return choices;
    }

    private static @Nullable Long yuan(String word) {
        try {
            var amount = new BigDecimal(word.replace("¥", "").replace("+", ""));
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException e) {
            return null;
        } catch (ArithmeticException e) {
            throw new InvalidInput("options", "at most 2 decimals");
        }
    }
}
