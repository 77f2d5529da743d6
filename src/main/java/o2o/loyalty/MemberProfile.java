package o2o.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A member as the merchant's owner or manager sees them: visits are paid orders, spend is what they paid minus what
 * went back to them in refunds.
 */
public record MemberProfile(UUID customerId, String phone, @Nullable String name, Instant joinedAt, String channel,
        int visits, Money spend, @Nullable Instant lastVisitAt, long points, @Nullable Tier tier,
        List<RecentOrder> recentOrders) {

    public record RecentOrder(UUID orderId, String channel, Money total, Money refunded, Instant paidAt) {}

    /** One line of the member list. */
    public record Listing(UUID customerId, String phone, @Nullable String name, Instant joinedAt, String channel,
            int visits, Money spend, @Nullable Instant lastVisitAt) {}
}
