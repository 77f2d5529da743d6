package o2o.orders;

import java.time.Instant;
import java.util.List;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A sale a store's POS made and was paid for at the till, to be kept as an order of channel POS.
 *
 * @param orderId the id the order gets, chosen by the caller so it can claim the sale before recording it
 * @param customerId the member it was sold to; null for a walk-in
 * @param storeId the store whose till made it
 */
public record OfflineSale(OrderId orderId, MerchantId merchantId, @Nullable CustomerId customerId, List<Line> lines,
        Money total, Instant soldAt, StoreId storeId) {

    public OfflineSale {
        lines = List.copyOf(lines);
    }

    public record Line(String title, int quantity, Money unitPrice, Money amount) {}
}
