package o2o.campaigns;

import java.time.Instant;

import o2o.orders.Channel;
import o2o.shared.CustomerId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A past paid order that no event announced, for {@link CampaignImport} to attribute. Imported history used no coupon
 * and no table code, so only the customer's scans decide it.
 *
 * @param discount what it gave away (discount and points' value)
 */
public record PastOrder(OrderId order, @Nullable CustomerId customer, Channel channel, @Nullable StoreId store,
        Money total, Money discount, Instant paidAt) {}
