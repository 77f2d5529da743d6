package o2o.payments;

import java.util.UUID;

import o2o.shared.Money;

/**
 * A refund of part or all of a payment, on its way to the payment's provider. Its number ({@link #outRefundNo()}) is
 * stored before the first call and sent with every retry, so a gateway pays it back once however often it is asked.
 */
public record Refund(UUID id, Status status, Money amount, String reason, Payment payment) {

    /**
     * PENDING: to be sent (again). PROCESSING: the gateway took it and confirms later. A refund ends SUCCEEDED, or
     * FAILED when the gateway refused it for good before taking it.
     */
    public enum Status {
        PENDING, PROCESSING, SUCCEEDED, FAILED;

        public boolean canBecome(Status next) {
            return switch (this) {
                case PENDING -> next != PENDING;
                case PROCESSING -> next == PROCESSING || next == SUCCEEDED;
                case SUCCEEDED, FAILED -> false;
            };
        }
    }

    public String outRefundNo() {
        return Payment.number(id);
    }

    /** Sends a pending refund to its provider, or asks about one the provider is still processing. */
    PaymentProvider.RefundOutcome sendTo(PaymentProvider provider) {
        return switch (status) {
            case PENDING -> provider.refund(request());
            case PROCESSING -> provider.queryRefund(request()).orElse(PaymentProvider.RefundOutcome.PROCESSING);
            case SUCCEEDED, FAILED -> throw new IllegalStateException("refund " + id + " is " + status + " already");
        };
    }

    /** What the provider's answer makes of this refund. */
    Status after(PaymentProvider.RefundOutcome outcome) {
        var next = outcome == PaymentProvider.RefundOutcome.SUCCEEDED ? Status.SUCCEEDED : Status.PROCESSING;
        if (!status.canBecome(next)) throw new IllegalStateException("refund " + id + " is " + status + ", not " + next);
        return next;
    }

    PaymentProvider.RefundRequest request() {
        return new PaymentProvider.RefundRequest(id, outRefundNo(), payment.id(), payment.outTradeNo(),
                payment.providerRef(), payment.merchantId(), payment.amount(), amount, reason);
    }
}
