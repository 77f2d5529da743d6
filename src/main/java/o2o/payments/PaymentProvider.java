package o2o.payments;

import java.util.UUID;

import o2o.shared.Money;

/** A way to take money: a gateway (sandbox now; Alipay, WeChat Pay later), stored value, the counter. */
public interface PaymentProvider {

    String name();

    /** Opens a charge at the provider; returns the provider's reference and where to send the payer. */
    Charge charge(ChargeRequest request);

    /**
     * Asks the provider to pay {@code amount} back. Returns true when it is done on the spot (stored value); a
     * gateway returns false and confirms later by webhook.
     */
    boolean refund(UUID refundId, String providerRef, Money amount);

    /** What is to be paid, by whom, to whom. */
    record ChargeRequest(UUID paymentId, UUID orderId, UUID merchantId, UUID customerId, Money amount,
            String description, String returnUrl) {}

    /**
     * @param settled true when the money moved during the call (stored value, the counter); a gateway confirms
     *     later by webhook
     */
    record Charge(String providerRef, String redirectUrl, boolean settled) {

        public static Charge pending(String providerRef, String redirectUrl) {
            return new Charge(providerRef, redirectUrl, false);
        }

        public static Charge settled(String providerRef, String redirectUrl) {
            return new Charge(providerRef, redirectUrl, true);
        }
    }
}
