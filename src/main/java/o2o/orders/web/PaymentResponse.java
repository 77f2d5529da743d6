package o2o.orders.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.payments.Payment;
import o2o.shared.Money;

@Schema(name = "OrderPaymentResponse")
record PaymentResponse(UUID id, Payment.Status status, String provider, Money amount, String redirectUrl) {

    static PaymentResponse of(Payment p) {
        return new PaymentResponse(p.id(), p.status(), p.provider(), p.amount(), p.redirectUrl());
    }
}
