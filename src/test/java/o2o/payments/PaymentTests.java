package o2o.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import o2o.payments.Payment.Status;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentTests {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Money TEN = new Money(1000, CNY);

    private static Payment payment(Status status) {
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, "sandbox", status, TEN,
                "ref", "https://pay.example/ref", Instant.EPOCH, null);
    }

    @Test
    void aPendingPaymentEndsInAnyOtherStatus() {
        for (var next : Status.values()) {
            assertThat(Status.PENDING.canBecome(next)).as("PENDING → " + next).isEqualTo(next != Status.PENDING);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void anEndedPaymentNeverMovesAgain(Status ended) {
        for (var next : Status.values()) assertThat(ended.canBecome(next)).as(ended + " → " + next).isFalse();
    }

    @Test
    void paidAsAskedSucceeds() {
        assertThat(payment(Status.PENDING).whenPaid(TEN, () -> false)).isEqualTo(Status.SUCCEEDED);
        assertThat(payment(Status.PENDING).whenPaid(null, () -> false)).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void paidAnotherAmountIsAMismatchWithoutAskingAboutTheOrder() {
        assertThat(payment(Status.PENDING).whenPaid(new Money(999, CNY), () -> {
            throw new AssertionError("not asked");
        })).isEqualTo(Status.MISMATCH);
    }

    @Test
    void paidForAnOrderPaidOtherwiseIsADuplicate() {
        assertThat(payment(Status.PENDING).whenPaid(TEN, () -> true)).isEqualTo(Status.DUPLICATE);
    }

    @Test
    void aPendingPaymentFails() {
        assertThat(payment(Status.PENDING).whenFailed()).isEqualTo(Status.FAILED);
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void anEndedPaymentIsNeitherPaidNorFailedAgain(Status ended) {
        assertThatThrownBy(() -> payment(ended).whenPaid(TEN, () -> false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment(ended).whenFailed()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameRequestAgainIsAnsweredByAPendingOrSucceededPaymentOfTheSameProviderAndAmount() {
        assertThat(payment(Status.PENDING).answers("sandbox", TEN)).isTrue();
        assertThat(payment(Status.SUCCEEDED).answers("sandbox", TEN)).isTrue();
        assertThat(payment(Status.PENDING).answers("alipay", TEN)).isFalse();
        assertThat(payment(Status.PENDING).answers("sandbox", new Money(1, CNY))).isFalse();
        assertThat(payment(Status.DUPLICATE).answers("sandbox", TEN)).isFalse();
        assertThat(payment(Status.MISMATCH).answers("sandbox", TEN)).isFalse();
        assertThat(payment(Status.FAILED).answers("sandbox", TEN)).isFalse();
    }

    @Test
    void anOutTradeNoNamesItsPayment() {
        var payment = payment(Status.PENDING);
        assertThat(payment.outTradeNo()).matches("[0-9a-f]{32}");
        assertThat(Payment.idOf(payment.outTradeNo())).contains(payment.id());
        assertThat(Payment.idOf("not-ours")).isEmpty();
    }
}
