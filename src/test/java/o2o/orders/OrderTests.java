package o2o.orders;

import static o2o.orders.OrderStatus.CANCELLED;
import static o2o.orders.OrderStatus.COMPLETED;
import static o2o.orders.OrderStatus.PAID;
import static o2o.orders.OrderStatus.PARTIALLY_REFUNDED;
import static o2o.orders.OrderStatus.PENDING_PAYMENT;
import static o2o.orders.OrderStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTests {

    private static final Instant PLACED = Instant.parse("2026-12-06T04:00:00Z");

    /** Every move the state machine allows, by target; every other pair of states is refused. */
    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = Map.of(
            PENDING_PAYMENT, EnumSet.noneOf(OrderStatus.class),
            PAID, EnumSet.of(PENDING_PAYMENT, COMPLETED),
            CANCELLED, EnumSet.of(PENDING_PAYMENT),
            PARTIALLY_REFUNDED, EnumSet.of(PAID, PARTIALLY_REFUNDED, COMPLETED),
            REFUNDED, EnumSet.of(PAID, PARTIALLY_REFUNDED),
            COMPLETED, EnumSet.of(PAID, PARTIALLY_REFUNDED));

    @Test
    void everyPairOfStatesIsEitherALegalMoveOrRefused() {
        for (var from : OrderStatus.values()) {
            for (var to : OrderStatus.values()) {
                assertThat(from.mayMoveTo(to)).as("%s → %s", from, to).isEqualTo(LEGAL.get(to).contains(from));
                assertThat(new Move(to, "why").allowedFrom().contains(from)).isEqualTo(LEGAL.get(to).contains(from));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyAnUnpaidOrderIsCancelled(OrderStatus status) {
        var order = order(status, Channel.DEAL, 0, null);
        if (status == PENDING_PAYMENT) {
            assertThat(order.cancellable()).isTrue();
            assertThat(order.cancel("changed my mind")).isEqualTo(new Move(CANCELLED, "changed my mind"));
        } else {
            assertThat(order.cancellable()).isFalse();
            assertRefused(() -> order.cancel("changed my mind"), "order-not-cancellable");
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyAnUnpaidOrderIsPaidOnlineAndOnlyInTime(OrderStatus status) {
        var order = order(status, Channel.DEAL, 0, null);
        if (status == PENDING_PAYMENT) {
            order.requirePayableOnline(PLACED.plusSeconds(60));
            assertRefused(() -> order.requirePayableOnline(PLACED.plus(Duration.ofMinutes(15))), "order-not-payable");
        } else {
            assertRefused(() -> order.requirePayableOnline(PLACED.plusSeconds(60)), "order-not-payable");
        }
    }

    @Test
    void paymentMovesAnUnpaidOrderToPaid() {
        assertThat(Order.payment().to()).isEqualTo(PAID);
        assertThat(Order.payment().allowedFrom()).contains(PENDING_PAYMENT).doesNotContain(CANCELLED, REFUNDED);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void onlyTableAndPickUpOrdersArePaidAtTheCounter(Channel channel) {
        var order = order(PENDING_PAYMENT, channel, 0, null);
        if (channel == Channel.DINE_IN || channel == Channel.PICKUP) {
            order.requirePaidAtCounter();
            order.requirePayableByQrAtCounter();
        } else {
            assertRefused(order::requirePaidAtCounter, "order-not-payable");
            assertRefused(order::requirePayableByQrAtCounter, "order-not-payable");
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void aQrCodeAtTheCounterIsOnlyForAnOrderNobodyPaid(OrderStatus status) {
        if (status != PENDING_PAYMENT) {
            assertRefused(order(status, Channel.DINE_IN, 0, null)::requirePayableByQrAtCounter, "order-not-payable");
        }
        assertRefused(order(status, Channel.DINE_IN, 0, "CASH")::requirePayableByQrAtCounter, "order-not-payable");
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyAPaidOrderIsRefundedAndNeverBeyondItsTotal(OrderStatus status) {
        var order = order(status, Channel.DEAL, 4000, null);
        if (status == PAID || status == PARTIALLY_REFUNDED) {
            assertThat(order.refund(Money.cny(3000), "voucher:1")).isEqualTo(new Move(PARTIALLY_REFUNDED, "voucher:1"));
            assertThat(order.refund(Money.cny(6000), "voucher:2").to()).isEqualTo(REFUNDED);
            assertRefused(() -> order.refund(Money.cny(6001), "voucher:3"), "order-not-refundable");
        } else {
            assertRefused(() -> order.refund(Money.cny(100), "voucher:1"), "order-not-refundable");
        }
    }

    @Test
    void aRefundOfMoneyTakenAtTheTillIsRecordedAsOffline() {
        assertThat(order(PAID, Channel.POS, 0, null).refund(Money.cny(100), "pos:1:void").reason())
                .isEqualTo("offline refund pos:1:void");
        assertThat(order(PAID, Channel.DINE_IN, 0, "CARD").refundsOffline()).isTrue();
        assertThat(order(PAID, Channel.DINE_IN, 0, null).refundsOffline()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyACompletedOrderIsReopenedToWhereItWas(OrderStatus status) {
        var untouched = order(status, Channel.DEAL, 0, null).reopen();
        var refundedInPart = order(status, Channel.DEAL, 1000, null).reopen();
        if (status == COMPLETED) {
            assertThat(untouched).contains(new Move(PAID, "redemption reversed"));
            assertThat(refundedInPart).contains(new Move(PARTIALLY_REFUNDED, "redemption reversed"));
        } else {
            assertThat(untouched).isEmpty();
            assertThat(refundedInPart).isEmpty();
        }
    }

    @Test
    void completionIsFromPaidOrPartlyRefunded() {
        assertThat(Order.completion().allowedFrom()).containsExactlyInAnyOrder(PAID, PARTIALLY_REFUNDED);
    }

    @Test
    void theGatewayShowsTheFirstLinesTitleAndUnitsAddUp() {
        var order = order(PENDING_PAYMENT, Channel.DINE_IN, 0, null);
        assertThat(order.paymentTitle()).isEqualTo("红烧肉");
        assertThat(order.units()).isEqualTo(3);
    }

    private static void assertRefused(Runnable move, String type) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.slug()).isEqualTo(type);
            assertThat(p.status().value()).isEqualTo(409);
        });
    }

    /** An order of 100.00 with {@code refundedMinor} of it refunded. */
    private static Order order(OrderStatus status, Channel channel, long refundedMinor, String offlineMethod) {
        var lines = List.of(
                new OrderLine(1, LineKind.DISH, UUID.randomUUID(), "红烧肉", Money.cny(4800), 1, Money.cny(4800)),
                new OrderLine(2, LineKind.DISH, UUID.randomUUID(), "米饭", Money.cny(2600), 2, Money.cny(5200)));
        return new Order(new OrderId(UUID.randomUUID()), new MerchantId(UUID.randomUUID()),
                new CustomerId(UUID.randomUUID()), channel, status, lines,
                Money.cny(10000), Money.cny(0), Money.cny(10000), Money.cny(refundedMinor), null, PLACED,
                PLACED.plus(Duration.ofMinutes(15)), null, 0, Money.cny(0), null, offlineMethod);
    }
}
