package o2o.payments.persistence;

import java.util.UUID;

import o2o.payments.Payment;
import o2o.payments.Refund;
import o2o.shared.Money;

/** A refund leased for sending, before its payment is read beside it. */
public record LeasedRefund(UUID id, Refund.Status status, Money amount, String reason, UUID paymentId) {

    public Refund of(Payment payment) {
        return new Refund(id, status, amount, reason, payment);
    }
}
