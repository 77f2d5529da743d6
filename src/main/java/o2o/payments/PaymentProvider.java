package o2o.payments;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A way to take money: a gateway (the sandbox, WeChat Pay, Alipay), stored value, the counter.
 *
 * <p>A <em>local</em> provider moves money inside this database (stored value): its charges settle and its refunds are
 * made in the caller's transaction. A gateway is called over the network: a charge is confirmed later by a verified
 * notification (or by {@link #query}), and a refund is sent by the refund relay after the transaction that asked for
 * it has committed, retried with the same refund number until the gateway answers.
 */
public interface PaymentProvider {

    String name();

    /** True when money moves in this database (stored value): refunds are made inside the caller's transaction. */
    default boolean local() {
        return false;
    }

    /** Opens a charge at the provider; returns the provider's reference and where to send the payer. */
    Charge charge(ChargeRequest request);

    /**
     * Asks the provider to pay {@code request.amount()} back. Returns SUCCEEDED when it is done, PROCESSING when the
     * provider confirms later (by notification or {@link #queryRefund}). Throws {@link RefundRejected} when the provider
     * refuses for good; any other exception (a time-out, a 5xx) leaves the refund to be sent again with the same number.
     */
    RefundOutcome refund(RefundRequest request);

    /** What the provider says of an open charge; empty when it cannot be asked (the payment stays as it is). */
    default Optional<ChargeStatus> query(PaymentRef payment) {
        return Optional.empty();
    }

    /** Closes a charge the payer never paid, so it cannot be paid any more. */
    default void close(PaymentRef payment) {}

    /** Asks what became of a refund the provider took as PROCESSING; empty when it cannot be asked. */
    default Optional<RefundOutcome> queryRefund(RefundRequest request) {
        return Optional.empty();
    }

    /** True for a gateway that each merchant signs up with (its own merchant number and keys). */
    default boolean perMerchantAccount() {
        return false;
    }

    /**
     * Checks a merchant's account settings for this gateway (keys parse, ids have their form) and returns what may be
     * shown back in the console: never a secret. Throws {@link InvalidInput} naming the field that is wrong.
     */
    default Map<String, Object> checkAccount(JsonNode settings) {
        throw new InvalidInput("provider", name() + " takes no merchant settings");
    }

    /** Where the payment starts: a page in a browser, a QR code for the payer's phone, or inside WeChat. */
    enum Scene { PAGE, QR, IN_WECHAT }

    /**
     * What is to be paid, by whom, to whom.
     *
     * @param outTradeNo the number the gateway knows this payment by (unique per provider)
     * @param customerId who pays; null for a walk-in at the counter
     * @param payerOpenid the payer's verified WeChat openid, for a payment inside WeChat
     */
    record ChargeRequest(UUID paymentId, String outTradeNo, UUID orderId, UUID merchantId, @Nullable UUID customerId,
            Money amount, String description, String returnUrl, Scene scene, @Nullable String payerOpenid) {}

    /**
     * @param settled true when the money moved during the call (stored value, the counter); a gateway confirms
     *     later by notification
     */
    record Charge(String providerRef, String redirectUrl, boolean settled) {

        public static Charge pending(String providerRef, String redirectUrl) {
            return new Charge(providerRef, redirectUrl, false);
        }

        public static Charge settled(String providerRef, String redirectUrl) {
            return new Charge(providerRef, redirectUrl, true);
        }
    }

    /** A payment as a provider needs it to ask about or close it. */
    record PaymentRef(UUID paymentId, String outTradeNo, UUID merchantId, String providerRef, Money amount) {}

    /**
     * What a provider says of a charge.
     *
     * @param paid the amount the payer paid, when PAID
     * @param transactionId the provider's own transaction number, when it gave one
     */
    record ChargeStatus(State state, @Nullable Money paid, @Nullable String transactionId) {

        public enum State { OPEN, PAID, CLOSED }
    }

    /**
     * A refund as the provider is asked for it.
     *
     * @param outRefundNo our refund number, stored before the first call and sent with every retry
     * @param paid what the payment took, which gateways want beside the refund's amount
     */
    record RefundRequest(UUID refundId, String outRefundNo, UUID paymentId, String outTradeNo, String providerRef,
            UUID merchantId, Money paid, Money amount, String reason) {}

    enum RefundOutcome { SUCCEEDED, PROCESSING }

    /** The provider refused a refund for good (e.g. the payment is too old); it is not sent again. */
    class RefundRejected extends RuntimeException {

        public RefundRejected(String message) {
            super(message);
        }
    }
}
