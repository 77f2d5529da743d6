package o2o.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

public record Payment(UUID id, UUID orderId, UUID merchantId, @Nullable UUID customerId, String provider, Status status,
        Money amount, String providerRef, String redirectUrl, Instant createdAt, @Nullable Instant completedAt) {

    /**
     * DUPLICATE: it succeeded after the order was paid another way, and was paid back. MISMATCH: the provider said a
     * different amount was paid; it was not taken as paid, and what came was paid back.
     */
    public enum Status { PENDING, SUCCEEDED, FAILED, DUPLICATE, MISMATCH }

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

    PaymentProvider.PaymentRef ref() {
        return new PaymentProvider.PaymentRef(id, outTradeNo(), merchantId, providerRef, amount);
    }
}
