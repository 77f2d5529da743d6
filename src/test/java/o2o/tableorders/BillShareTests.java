package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.tableorders.BillShare.Kind;
import o2o.tableorders.BillShare.State;
import org.junit.jupiter.api.Test;

/** A share goes OPEN → PAYING → PAID, or back to OPEN when its order is cancelled; a paid share stays paid. */
class BillShareTests {

    private static final UUID PAYER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final OrderId ORDER_ID = new OrderId(ORDER);
    private static final CustomerId PAYER_ID = new CustomerId(PAYER);

    @Test
    void anOpenShareIsTakenByAPayersOrderThenPaid() {
        var paying = open(500).payingBy(ORDER_ID, PAYER_ID);

        assertThat(paying.state()).isEqualTo(State.PAYING);
        assertThat(paying.orderId()).isEqualTo(ORDER);
        assertThat(paying.payerId()).isEqualTo(PAYER);
        assertThat(paying.paid().state()).isEqualTo(State.PAID);
    }

    @Test
    void aWalkInOrderTakesAShareWithoutAPayer() {
        var paying = open(500).payingBy(ORDER_ID, null);

        assertThat(paying.payerId()).isNull();
        assertThat(paying.state()).isEqualTo(State.PAYING);
    }

    @Test
    void aShareWhoseOrderIsCancelledIsOpenAgain() {
        var freed = open(500).payingBy(ORDER_ID, PAYER_ID).freed();

        assertThat(freed.state()).isEqualTo(State.OPEN);
        assertThat(freed.orderId()).isNull();
        assertThat(freed.payerId()).isNull();
    }

    @Test
    void aShareBeingPaidIsNotTakenByAnotherOrder() {
        var paying = open(500).payingBy(ORDER_ID, PAYER_ID);

        assertThatThrownBy(() -> paying.payingBy(new OrderId(UUID.randomUUID()), new CustomerId(OTHER)))
                .isInstanceOf(Problem.class)
                .extracting(p -> ((Problem) p).slug()).isEqualTo("bill-share-taken");
    }

    @Test
    void aPaidShareStaysPaid() {
        var paid = open(500).payingBy(ORDER_ID, PAYER_ID).paid();

        assertThatThrownBy(() -> paid.payingBy(new OrderId(UUID.randomUUID()), new CustomerId(OTHER)))
                .isInstanceOf(Problem.class)
                .extracting(p -> ((Problem) p).slug()).isEqualTo("bill-share-paid");
        assertThatThrownBy(paid::freed).isInstanceOf(Problem.class);
        assertThatThrownBy(paid::paid).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOpenShareIsNeitherPaidNorFreed() {
        assertThatThrownBy(() -> open(500).paid()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> open(500).freed()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPayerStartsAFreeShareAndRepeatsTheirOwnTap() {
        assertThat(open(500).turnOf(PAYER)).isEqualTo(PayerTurn.START);
        assertThat(open(500).payingBy(ORDER_ID, PAYER_ID).turnOf(PAYER)).isEqualTo(PayerTurn.REPEAT);
        assertThat(open(500).payingBy(ORDER_ID, PAYER_ID).paid().turnOf(PAYER)).isEqualTo(PayerTurn.REPEAT);
    }

    @Test
    void anotherPayerIsRefusedAShareBeingPaidOrPaid() {
        assertThatThrownBy(() -> open(500).payingBy(ORDER_ID, PAYER_ID).turnOf(OTHER))
                .extracting(p -> ((Problem) p).slug()).isEqualTo("bill-share-taken");
        assertThatThrownBy(() -> open(500).payingBy(ORDER_ID, PAYER_ID).paid().turnOf(OTHER))
                .extracting(p -> ((Problem) p).slug()).isEqualTo("bill-share-paid");
    }

    @Test
    void aShareWithNothingToPayIsNotStarted() {
        assertThatThrownBy(() -> open(0).turnOf(PAYER))
                .extracting(p -> ((Problem) p).slug()).isEqualTo("bill-share-empty");
        assertThatThrownBy(() -> open(0).requirePayableAtCounter())
                .extracting(p -> ((Problem) p).slug()).isEqualTo("bill-share-empty");
    }

    @Test
    void theCounterTakesTheMoneyOfAnyUnpaidShare() {
        assertThat(open(500).requirePayableAtCounter().state()).isEqualTo(State.OPEN);
        assertThat(open(500).payingBy(ORDER_ID, PAYER_ID).requirePayableAtCounter().state()).isEqualTo(State.PAYING);
        assertThatThrownBy(() -> open(500).payingBy(ORDER_ID, PAYER_ID).paid().requirePayableAtCounter())
                .extracting(p -> ((Problem) p).slug()).isEqualTo("bill-share-paid");
    }

    private static BillShare open(long fen) {
        return new BillShare(UUID.randomUUID(), Kind.EVEN, 1, 2, Money.cny(fen), null, null, null, State.OPEN,
                List.of());
    }
}
