package o2o.pickup.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.payments.Payment;
import o2o.shared.Money;

@Schema(name = "PickupPaymentResponse")
record PaymentResponse(UUID id, Payment.Status status, String provider, Money amount, String redirectUrl) {}
