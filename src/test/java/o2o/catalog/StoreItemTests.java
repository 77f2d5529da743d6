package o2o.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;

/**
 * An item at a store is ordered only while it is active, on the store's menu and not sold out, at the store's own
 * price when it has one; a store's price keeps the item's currency and never lets its options go below zero.
 */
class StoreItemTests {

    private static final OptionGroup.Option SMALL = new OptionGroup.Option(UUID.randomUUID(), "small", -300);
    private static final MenuItem NOODLES = new MenuItem(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            "noodles", "", null, Money.cny(1200), true,
            List.of(new OptionGroup(UUID.randomUUID(), "size", false, 0, 1, List.of(SMALL))));

    @Test
    void anItemServedAndInStockIsPricedAtTheStoresOwnPrice() {
        var line = new StoreItem(NOODLES, Money.cny(1000), true, false).price(List.of(SMALL.id()), 2);

        assertThat(line.unitPrice()).isEqualTo(Money.cny(700));
        assertThat(line.amount()).isEqualTo(Money.cny(1400));
        assertThat(new StoreItem(NOODLES, null, true, false).price(List.of(), 1).amount()).isEqualTo(Money.cny(1200));
    }

    @Test
    void anItemOffTheStoresMenuOrInactiveIsUnavailable() {
        var inactive = new MenuItem(NOODLES.id(), NOODLES.merchantId(), NOODLES.categoryId(), NOODLES.name(), "",
                null, NOODLES.price(), false, NOODLES.optionGroups());

        assertThat(slugOf(new StoreItem(NOODLES, null, false, false))).isEqualTo("menu-item-unavailable");
        assertThat(slugOf(new StoreItem(inactive, null, true, false))).isEqualTo("menu-item-unavailable");
        assertThat(new StoreItem(inactive, null, true, false).served()).isFalse();
    }

    @Test
    void aSoldOutItemIsServedButNotOrdered() {
        var soldOut = new StoreItem(NOODLES, null, true, true);

        assertThat(soldOut.served()).isTrue();
        assertThat(slugOf(soldOut)).isEqualTo("menu-item-sold-out");
    }

    @Test
    void aStorePriceIsInTheItemsCurrencyAndKeepsEveryChoiceAtZeroOrMore() {
        NOODLES.requireStorePrice(Money.cny(300));

        assertThatThrownBy(() -> NOODLES.requireStorePrice(Money.cny(299))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> NOODLES.requireStorePrice(new Money(300, Currency.getInstance("USD"))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("CNY");
        assertThatThrownBy(() -> NOODLES.requireStorePrice(Money.cny(ItemDetails.MAX_PRICE_MINOR + 1)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void anItemsOwnPriceKeepsEveryChoiceAtZeroOrMore() {
        NOODLES.requireNotBelowZeroFrom(Money.cny(300), "price");

        assertThatThrownBy(() -> NOODLES.requireNotBelowZeroFrom(Money.cny(200), "price"))
                .isInstanceOf(InvalidInput.class);
    }

    private static String slugOf(StoreItem item) {
        try {
            item.price(List.of(), 1);
        } catch (Problem refused) {
            return refused.slug();
        }
        throw new AssertionError("priced");
    }
}
