package o2o.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import o2o.payments.PaymentProvider.ChargeStatus;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;

class SandboxChargeStatusTests {

    @Test
    void onlyAPaidChargeReportsItsAmountAndReference() {
        var amount = Money.cny(1000);
        assertThat(SandboxChargeStatus.PAID.asked(amount, "sbx_1"))
                .isEqualTo(new ChargeStatus(ChargeStatus.State.PAID, amount, "sbx_1"));
        assertThat(SandboxChargeStatus.FAILED.asked(amount, "sbx_1"))
                .isEqualTo(new ChargeStatus(ChargeStatus.State.CLOSED, null, null));
        assertThat(SandboxChargeStatus.OPEN.asked(amount, "sbx_1"))
                .isEqualTo(new ChargeStatus(ChargeStatus.State.OPEN, null, null));
    }
}
