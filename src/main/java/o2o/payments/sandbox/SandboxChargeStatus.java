package o2o.payments.sandbox;

import o2o.payments.PaymentProvider.ChargeStatus;
import o2o.shared.Money;

/** Where a sandbox charge stands: open on the hosted page until the payer pays or fails it. */
enum SandboxChargeStatus {
    OPEN, PAID, FAILED;

    /** What the gateway answers when the platform asks about the charge. */
    ChargeStatus asked(Money amount, String ref) {
        return switch (this) {
            case PAID -> new ChargeStatus(ChargeStatus.State.PAID, amount, ref);
            case FAILED -> new ChargeStatus(ChargeStatus.State.CLOSED, null, null);
            case OPEN -> new ChargeStatus(ChargeStatus.State.OPEN, null, null);
        };
    }
}
