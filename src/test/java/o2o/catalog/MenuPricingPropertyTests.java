package o2o.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import o2o.shared.InvalidInput;
import o2o.shared.Money;

/**
 * Pricing without a database: an item whose cheapest choice of options is not below zero at a starting price (what
 * the menu checks when an item or a store price is saved) prices every allowed choice at exactly the start plus the
 * chosen deltas, never below zero, and refuses a group chosen beyond its rules.
 */
class MenuPricingPropertyTests {

    @Property(tries = 300)
    void everyAllowedChoiceIsPricedAtTheStartPlusItsDeltasAndNeverBelowZero(@ForAll Random random,
            @ForAll @IntRange(min = 0, max = 4) int groupCount, @ForAll @LongRange(min = 0, max = 20_000) long headroom,
            @ForAll @IntRange(min = 1, max = 20) int quantity) {
        var item = randomItem(random, groupCount);
        var start = Money.cny(Math.max(0, -item.lowestWith(Money.cny(0))) + headroom);

        var chosen = new ArrayList<UUID>();
        long expected = start.minor();
        for (var group : item.optionGroups()) {
            int low = group.required() ? group.minChoices() : 0;
            int take = low + random.nextInt(group.maxChoices() - low + 1);
            var options = new ArrayList<>(group.options());
            Collections.shuffle(options, random);
            for (var option : options.subList(0, take)) {
                chosen.add(option.id());
                expected += option.priceDeltaMinor();
            }
        }
        Collections.shuffle(chosen, random);

        var line = item.priceAt(start, chosen, quantity);
        assertThat(line.unitPrice().minor()).isEqualTo(expected).isNotNegative();
        assertThat(line.amount().minor()).isEqualTo(expected * quantity);
        assertThat(line.optionIds()).containsExactlyInAnyOrderElementsOf(chosen);
    }

    @Property(tries = 200)
    void aGroupChosenBeyondItsMaximumOrBelowItsMinimumIsRefused(@ForAll Random random,
            @ForAll @IntRange(min = 1, max = 4) int groupCount) {
        var item = randomItem(random, groupCount);
        var start = Money.cny(Math.max(0, -item.lowestWith(Money.cny(0))));
        var broken = item.optionGroups().get(random.nextInt(item.optionGroups().size()));
        var chosen = new ArrayList<UUID>();
        for (var group : item.optionGroups()) {
            if (group == broken) continue;
            group.options().stream().limit(group.minChoices()).forEach(o -> chosen.add(o.id()));
        }
        if (broken.maxChoices() < broken.options().size()) {
            broken.options().stream().limit(broken.maxChoices() + 1).forEach(o -> chosen.add(o.id()));
        } else if (broken.required()) {
            broken.options().stream().limit(broken.minChoices() - 1).forEach(o -> chosen.add(o.id()));
        } else {
            chosen.add(UUID.randomUUID());
        }
        assertThatThrownBy(() -> item.priceAt(start, chosen, 1)).isInstanceOf(InvalidInput.class);
    }

    /** Groups as the merchant could save them: valid by {@link ItemDetails}, with ids given by the database. */
    static MenuItem randomItem(Random random, int groupCount) {
        var groups = new ArrayList<ItemDetails.Group>();
        for (int g = 0; g < groupCount; g++) {
            var options = new ArrayList<ItemDetails.Choice>();
            int size = 1 + random.nextInt(5);
            for (int o = 0; o < size; o++) {
                options.add(new ItemDetails.Choice(null, "选项" + o, random.nextInt(4001) - 2000L));
            }
            boolean required = random.nextBoolean();
            int max = 1 + random.nextInt(size);
            int min = required ? 1 + random.nextInt(max) : 0;
            groups.add(new ItemDetails.Group(null, "组" + g, required, min, max, options));
        }
        var details = new ItemDetails(UUID.randomUUID(), "菜", "", null, Money.cny(0), groups);
        var saved = details.optionGroups().stream().map(g -> new OptionGroup(UUID.randomUUID(), g.name(),
                g.required(), g.minChoices(), g.maxChoices(), g.options().stream()
                        .map(o -> new OptionGroup.Option(UUID.randomUUID(), o.name(), o.priceDeltaMinor())).toList()))
                .toList();
        return new MenuItem(UUID.randomUUID(), UUID.randomUUID(), details.categoryId(), details.name(), "", null,
                details.price(), true, saved);
    }

    @Property(tries = 50)
    void aPhotoAddressThatIsNotHttpIsRefused(@ForAll("notHttp") String url) {
        assertThatThrownBy(() -> new ItemDetails(UUID.randomUUID(), "菜", "", url, Money.cny(100), List.of()))
                .isInstanceOf(InvalidInput.class);
    }

    @Provide
    Arbitrary<String> notHttp() {
        return Arbitraries.of("javascript:alert(1)", "ftp://a.example.com/x.jpg", "data:image/png;base64,AA",
                "//img.example.com/x.jpg", "img.example.com/x.jpg", "http://", "https:///x.jpg", "file:///etc/passwd");
    }
}
