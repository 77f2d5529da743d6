package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DayCustomersTests {

    @Test
    void aPeriodCountsEachCustomerOnceHoweverManyDaysTheyOrdered() {
        var monday = DayCustomers.none();
        monday.ordered(1, 1);
        monday.ordered(2, 1);
        monday.firstOrder(1, true);
        var tuesday = DayCustomers.none();
        tuesday.ordered(1, 1);
        tuesday.ordered(3, 1);

        var counts = DayCustomers.count(List.of(monday, tuesday));

        assertThat(counts.customers()).isEqualTo(3);
        assertThat(counts.returning()).as("2 and 3 had their first order before the period").isEqualTo(2);
        assertThat(counts.repeating()).as("1 ordered on both days").isEqualTo(1);
    }

    @Test
    void twoOrdersOnOneDayMakeARepeaterWhetherTheyCameTogetherOrApart() {
        var together = DayCustomers.none();
        together.ordered(7, 2);
        var apart = DayCustomers.none();
        apart.ordered(8, 1);
        apart.ordered(8, 1);
        var once = DayCustomers.none();
        once.ordered(9, 1);

        assertThat(DayCustomers.count(List.of(together, apart, once)).repeating()).isEqualTo(2);
    }

    @Test
    void aFirstOrderMovedToAnEarlierDayLeavesTheLaterDayReturning() {
        var later = DayCustomers.none();
        later.ordered(4, 1);
        later.firstOrder(4, true);
        var earlier = DayCustomers.none();
        earlier.ordered(4, 1);
        earlier.firstOrder(4, true);
        later.firstOrder(4, false);

        assertThat(DayCustomers.count(List.of(later))).isEqualTo(new DayCustomers.Counts(1, 1, 0));
        assertThat(DayCustomers.count(List.of(earlier, later))).isEqualTo(new DayCustomers.Counts(1, 0, 1));
    }

    @Test
    void noDaysCountNobodyAndAnOrderIsCountedOnceOrMore() {
        assertThat(DayCustomers.count(List.of())).isEqualTo(new DayCustomers.Counts(0, 0, 0));
        assertThatThrownBy(() -> DayCustomers.none().ordered(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
