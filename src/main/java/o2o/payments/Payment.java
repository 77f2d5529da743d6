package o2o.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

public record Payment(UUID id, UUID orderId, UUID merchantId, @Nullable UUID customerId, String provider, Status status,
        Money amount, String providerRef, String redirectUrl, Instant createdAt, @Nullable Instant completedAt) {

    /**
     * DUPLICATE: it succeeded after the order was paid another way, and was paid back. MISMATCH: the provider said a
     * different amount was paid; it was not taken as paid, and what came was paid back. Only a pending payment ends,
     * once; the database's {@code where status = 'PENDING'} decides which of two racing ends wins.
     */
    public enum Status {
        PENDING, SUCCEEDED, FAILED, DUPLICATE, MISMATCH;

        public boolean canBecome(Status next) {
            return this == PENDING && next != PENDING;
        }
    }

    /** A payment just opened at its provider. */
    public static Payment opened(UUID id, StartPayment request, PaymentProvider.Charge charge, Instant now) {
        var customerId = request.customerId() == null ? null : request.customerId().value();
        return new Payment(id, request.orderId().value(), request.merchantId().value(), customerId, request.provider(),
                Status.PENDING, request.amount(), charge.providerRef(), charge.redirectUrl(), now, null);
    }

    /** The number a gateway knows this payment by: its id's 32 hex digits (fits WeChat Pay's 6–32 and Alipay's 64). */
    public String outTradeNo() {
        return number(id);
    }

    static String number(UUID id) {
        return id.toString().replace("-", "");
    }

    /** The payment id an out-trade-no (or out-refund-no) names; empty when it is not one of ours. */
    public static Optional<UUID> idOf(String number) {
        if (number == null || !number.matches("[0-9a-f]{32}")) return Optional.empty();
        return Optional.of(UUID.fromString(number.replaceFirst(
                "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}+)", "$1-$2-$3-$4-$5")));
    }

    boolean isPending() {
        return status == Status.PENDING;
    }

    /** The same request again (a double tap): the same provider and amount, still pending or already through. */
    boolean answers(String providerName, Money asked) {
        return (status == Status.PENDING || status == Status.SUCCEEDED) && provider.equals(providerName)
                && amount.equals(asked);
    }

    /**
     * What a provider's word that this payment was paid makes of it: a different amount is a mismatch, a payment of an
     * order already paid another way a duplicate (asked only when the amount matches), otherwise it succeeded.
     */
    Status whenPaid(@Nullable Money reported, BooleanSupplier orderPaidOtherwise) {
        Status next;
        if (reported != null && !reported.equals(amount)) next = Status.MISMATCH;
        else if (orderPaidOtherwise.getAsBoolean()) next = Status.DUPLICATE;
        else next = Status.SUCCEEDED;
        return endAs(next);
    }

    /** The provider closed the charge, or it was closed unpaid. */
    Status whenFailed() {
        return endAs(Status.FAILED);
    }

    private Status endAs(Status next) {
        if (!status.canBecome(next)) throw new IllegalStateException("payment " + id + " is " + status + ", not " + next);
        return next;
    }

    PaymentProvider.PaymentRef ref() {
        return new PaymentProvider.PaymentRef(id, outTradeNo(), merchantId, providerRef, amount);
    }
}
