package o2o.payments;

import static o2o.payments.PaymentProvider.RefundOutcome.PROCESSING;
import static o2o.payments.PaymentProvider.RefundOutcome.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.payments.Refund.Status;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefundTests {

    private static final Currency CNY = Currency.getInstance("CNY");

    private static Refund refund(Status status) {
        var payment = new Payment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, "wechatpay",
                Payment.Status.SUCCEEDED, new Money(1000, CNY), "tx-1", "", Instant.EPOCH, Instant.EPOCH);
        return new Refund(UUID.randomUUID(), status, new Money(300, CNY), "refund", payment);
    }

    /** A gateway that answers as told and remembers what it was asked. */
    private static class Gateway implements PaymentProvider {

        final List<String> calls = new ArrayList<>();
        final RefundOutcome answer;

        Gateway(RefundOutcome answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return "wechatpay";
        }

        @Override
        public Charge charge(ChargeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RefundOutcome refund(RefundRequest request) {
            calls.add("refund " + request.outRefundNo());
            return answer;
        }

        @Override
        public Optional<RefundOutcome> queryRefund(RefundRequest request) {
            calls.add("query " + request.outRefundNo());
            return Optional.of(answer);
        }
    }

    @Test
    void legalMoves() {
        assertThat(Status.PENDING.canBecome(Status.PROCESSING)).isTrue();
        assertThat(Status.PENDING.canBecome(Status.SUCCEEDED)).isTrue();
        assertThat(Status.PENDING.canBecome(Status.FAILED)).isTrue();
        assertThat(Status.PROCESSING.canBecome(Status.PROCESSING)).as("asked about again").isTrue();
        assertThat(Status.PROCESSING.canBecome(Status.SUCCEEDED)).isTrue();
    }

    @Test
    void illegalMoves() {
        assertThat(Status.PENDING.canBecome(Status.PENDING)).isFalse();
        assertThat(Status.PROCESSING.canBecome(Status.PENDING)).isFalse();
        assertThat(Status.PROCESSING.canBecome(Status.FAILED)).isFalse();
        for (var next : Status.values()) {
            assertThat(Status.SUCCEEDED.canBecome(next)).as("SUCCEEDED → " + next).isFalse();
            assertThat(Status.FAILED.canBecome(next)).as("FAILED → " + next).isFalse();
        }
    }

    @Test
    void aPendingRefundIsSentWithItsNumber() {
        var refund = refund(Status.PENDING);
        var gateway = new Gateway(PROCESSING);
        assertThat(refund.sendTo(gateway)).isEqualTo(PROCESSING);
        assertThat(gateway.calls).containsExactly("refund " + refund.outRefundNo());
    }

    @Test
    void aProcessingRefundIsAskedAboutNotSentAgain() {
        var refund = refund(Status.PROCESSING);
        var gateway = new Gateway(SUCCEEDED);
        assertThat(refund.sendTo(gateway)).isEqualTo(SUCCEEDED);
        assertThat(gateway.calls).containsExactly("query " + refund.outRefundNo());
    }

    @Test
    void aProcessingRefundAGatewayCannotBeAskedAboutStaysProcessing() {
        var gateway = new Gateway(SUCCEEDED) {
            @Override
            public Optional<RefundOutcome> queryRefund(RefundRequest request) {
                return Optional.empty();
            }
        };
        assertThat(refund(Status.PROCESSING).sendTo(gateway)).isEqualTo(PROCESSING);
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"SUCCEEDED", "FAILED"})
    void anEndedRefundIsNotSent(Status ended) {
        var gateway = new Gateway(SUCCEEDED);
        assertThatThrownBy(() -> refund(ended).sendTo(gateway)).isInstanceOf(IllegalStateException.class);
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void theGatewaysAnswerDecidesTheNextStatus() {
        assertThat(refund(Status.PENDING).after(SUCCEEDED)).isEqualTo(Status.SUCCEEDED);
        assertThat(refund(Status.PENDING).after(PROCESSING)).isEqualTo(Status.PROCESSING);
        assertThat(refund(Status.PROCESSING).after(SUCCEEDED)).isEqualTo(Status.SUCCEEDED);
        assertThat(refund(Status.PROCESSING).after(PROCESSING)).isEqualTo(Status.PROCESSING);
        assertThatThrownBy(() -> refund(Status.SUCCEEDED).after(SUCCEEDED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> refund(Status.FAILED).after(PROCESSING)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRequestCarriesWhatThePaymentTookBesideWhatIsPaidBack() {
        var refund = refund(Status.PENDING);
        var request = refund.request();
        assertThat(request.outTradeNo()).isEqualTo(refund.payment().outTradeNo());
        assertThat(request.paid()).isEqualTo(new Money(1000, CNY));
        assertThat(request.amount()).isEqualTo(new Money(300, CNY));
        assertThat(request.providerRef()).isEqualTo("tx-1");
    }
}
