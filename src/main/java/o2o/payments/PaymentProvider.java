package o2o.payments;

import java.util.UUID;

import o2o.shared.Money;

/** A way to take money: a gateway (sandbox now; Alipay, WeChat Pay later), stored value, the counter. */
public interface PaymentProvider {

    String name();

    /** Opens a charge at the provider; returns the provider's reference and where to send the payer. */
    Charge charge(UUID paymentId, Money amount, String description, String returnUrl);

    /** Asks the provider to pay {@code amount} back; completion arrives later (for gateways, by webhook). */
    void refund(UUID refundId, String providerRef, Money amount);

    record Charge(String providerRef, String redirectUrl) {}
}
