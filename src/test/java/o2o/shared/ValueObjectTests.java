package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueObjectTests {

    @Test
    void aPhoneNumberIsAMainlandMobileInItsElevenDigitForm() {
        assertThat(PhoneNumber.parse("+86 139-0000-1111").value()).isEqualTo("13900001111");
        assertThat(PhoneNumber.parse("008613900001111").value()).isEqualTo("13900001111");
        assertThat(PhoneNumber.parse("13900001111").masked()).isEqualTo("139****1111");
        assertThatThrownBy(() -> PhoneNumber.parse("12345")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PhoneNumber.parse("23900001111")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aGeoPointIsOnTheGlobe() {
        assertThat(new GeoPoint(31.23, 121.47).lat()).isEqualTo(31.23);
        assertThatThrownBy(() -> new GeoPoint(90.5, 0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new GeoPoint(0, -181)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void idsAreTimeOrderedVersion7Uuids() {
        var first = Ids.next();
        var second = Ids.next();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.compareTo(second)).isNegative();
    }

    @Test
    void moneyAsSentNeedsACurrencyThePlatformTakesAndABoundedAmount() {
        assertThat(Money.of(1250L, Money.CNY)).isEqualTo(Money.cny(1250));
        assertThatThrownBy(() -> Money.of(1250L, null)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("currency");
        assertThatThrownBy(() -> Money.of(null, Money.CNY)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Money.of(1L, java.util.Currency.getInstance("USD"))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Money.of(-1L, Money.CNY)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, Money.CNY)).isInstanceOf(InvalidInput.class);
        assertThat(Money.cny(Money.MAX_PRICE_MINOR).asPrice("price").minor()).isEqualTo(Money.MAX_PRICE_MINOR);
        assertThatThrownBy(() -> Money.cny(Money.MAX_PRICE_MINOR + 1).asPrice("price"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void moneyArithmeticNeverOverflowsButRefusesAmountsBeyondTheBound() {
        assertThat(Money.cny(Money.MAX_MINOR / 2).times(2).minor()).isEqualTo(Money.MAX_MINOR);
        assertThatThrownBy(() -> Money.cny(Long.MAX_VALUE).times(2)).isInstanceOf(AmountTooLarge.class);
        assertThatThrownBy(() -> Money.cny(Money.MAX_MINOR).times(2)).isInstanceOf(AmountTooLarge.class);
        assertThatThrownBy(() -> Money.cny(Money.MAX_MINOR).plus(Money.cny(1))).isInstanceOf(AmountTooLarge.class);
        assertThatThrownBy(() -> Money.cny(Long.MAX_VALUE).plus(Money.cny(1))).isInstanceOf(AmountTooLarge.class);
    }
}
