package o2o.delivery.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.payments.Payment;
import o2o.shared.Money;

@Schema(name = "DeliveryPaymentResponse")
record PaymentResponse(UUID id, Payment.Status status, String provider, Money amount, String redirectUrl) {}
