package o2o.tableorders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.tableorders.Bill;
import org.junit.jupiter.api.Test;

class BillFormValuesTests {

    @Test
    void aSplitIsOneOfTheThreeWays() {
        assertThat(BillFormValues.split("EVEN")).isEqualTo(Bill.Split.EVEN);
        assertThatThrownBy(() -> BillFormValues.split("HALF")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("WHOLE, EVEN or ITEMS");
    }

    @Test
    void aCouponIsItsIdOrNothingWhenLeftBlank() {
        var id = UUID.randomUUID();
        assertThat(BillFormValues.coupon(" " + id + " ")).isEqualTo(id);
        assertThat(BillFormValues.coupon(null)).isNull();
        assertThat(BillFormValues.coupon("  ")).isNull();
        assertThatThrownBy(() -> BillFormValues.coupon("coupon-1")).isInstanceOf(InvalidInput.class);
    }
}
