package o2o.profiles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import o2o.campaigns.FirstCampaign;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a merchant knows of a member: visits are paid orders, spend is what they paid minus refunds, over 90 days,
 * 365 days and lifetime; the average ticket is lifetime spend per visit. Tier, points and stored value are read from
 * loyalty and the wallet when asked, never copied. Categories are the menu's: of the dishes ordered at the table or
 * for pick-up, and of the POS lines whose title is the name of an item on the merchant's menu. The birthday is the
 * customer's own, if they gave it. The first campaign is the first of the reading merchant's campaigns a paid order or
 * membership of the customer's was attributed to, asked of the campaigns module when the profile is read.
 */
public record MemberFacts(UUID customerId, @Nullable Instant joinedAt, @Nullable Instant firstVisitAt,
        @Nullable Instant lastVisitAt, @Nullable Long daysSinceLastVisit, Window days90, Window days365,
        Window lifetime, Money averageTicket, @Nullable Scores rfm, Rfm.Group group, List<StoreVisits> stores,
        List<Item> items, List<Category> categories, List<ChannelOrders> channels, List<Month> months, List<String> tags,
        @Nullable LocalDate birthday, @Nullable FirstCampaign firstCampaign, @Nullable String tier, long points,
        Money storedValue) {

    public MemberFacts {
        stores = List.copyOf(stores);
        items = List.copyOf(items);
        categories = List.copyOf(categories);
        channels = List.copyOf(channels);
        months = List.copyOf(months);
        tags = List.copyOf(tags);
    }

    /** Paid orders and net spend in a window. */
    public record Window(long visits, Money spend) {}

    public record Scores(int r, int f, int m) {}

    public record StoreVisits(UUID storeId, String name, long visits) {}

    public record Item(String title, long quantity, Money amount) {}

    public record Category(String name, long quantity, Money amount) {}

    public record ChannelOrders(String channel, long orders) {}

    /** Visits and net spend of one month, for the chart. */
    public record Month(LocalDate month, long visits, Money spend) {}
}
