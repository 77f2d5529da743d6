package o2o.pos;

import java.time.Instant;
import java.util.UUID;

import o2o.orders.OrderStatus;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A sale as kept: its order and where that order stands now.
 *
 * @param member whether the sale was put on a member's profile (false: a walk-in, or a member identifier that did
 *               not name a member here)
 * @param duplicate true when this answers a sale that had been recorded before
 */
public record SaleRecord(String posTransactionId, UUID storeId, UUID orderId, OrderStatus status, Money total,
        Money refunded, PaymentMethod paymentMethod, boolean member, Instant soldAt, @Nullable Instant voidedAt,
        boolean duplicate) {

    SaleRecord asDuplicate() {
        return new SaleRecord(posTransactionId, storeId, orderId, status, total, refunded, paymentMethod, member,
                soldAt, voidedAt, true);
    }
}
