package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import o2o.orders.Channel;
import org.junit.jupiter.api.Test;

class SalesChannelTests {

    @Test
    void aFlashSaleIsADealOrderApartAndATopUpIsNoSale() {
        assertThat(SalesChannel.of(Channel.DEAL, true)).isEqualTo(SalesChannel.FLASH_SALE);
        assertThat(SalesChannel.of(Channel.DEAL, false)).isEqualTo(SalesChannel.DEAL);
        assertThat(SalesChannel.of(Channel.POS, true)).isEqualTo(SalesChannel.POS);
        assertThatThrownBy(() -> SalesChannel.of(Channel.TOP_UP, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
