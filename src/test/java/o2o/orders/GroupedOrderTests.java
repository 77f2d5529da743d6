package o2o.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;

/** An order paid with its group: its money is the group's payment, and it is paid only with the group. */
class GroupedOrderTests {

    private static final Instant PLACED = Instant.parse("2026-12-07T04:00:00Z");

    @Test
    void anOrderAloneIsPaidByItsOwnIdAndAGroupedOneByItsGroup() {
        var alone = order(null);
        var group = UUID.randomUUID();
        var grouped = order(group);

        assertThat(alone.paymentKey()).isEqualTo(alone.id().value());
        assertThat(grouped.paymentKey()).isEqualTo(group);
    }

    @Test
    void aGroupedOrderIsNotPaidOnItsOwnOnlineNorAtTheCounterButWithItsGroup() {
        var grouped = order(UUID.randomUUID());

        assertRefused(() -> grouped.requirePayableOnline(PLACED));
        assertRefused(grouped::requirePaidAtCounter);
        assertThatCode(() -> grouped.requirePayableInGroup(PLACED)).doesNotThrowAnyException();
        assertRefused(() -> grouped.requirePayableInGroup(PLACED.plus(Duration.ofMinutes(15))));
        assertThatCode(() -> order(null).requirePayableOnline(PLACED)).doesNotThrowAnyException();
    }

    private static void assertRefused(Runnable move) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.slug()).isEqualTo("order-not-payable"));
    }

    private static Order order(UUID group) {
        var lines = List.of(new OrderLine(1, LineKind.DISH, UUID.randomUUID(), "葱油拌面", Money.cny(1800), 1,
                Money.cny(1800)));
        return new Order(new OrderId(UUID.randomUUID()), new MerchantId(UUID.randomUUID()),
                new CustomerId(UUID.randomUUID()), Channel.PICKUP, OrderStatus.PENDING_PAYMENT, lines,
                Money.cny(1800), Money.cny(0), Money.cny(1800), Money.cny(0), null, PLACED,
                PLACED.plus(Duration.ofMinutes(15)), null, 0, Money.cny(0), null, null, group);
    }
}
