package o2o.insights;

import java.util.List;
import java.util.UUID;

/** The operator's dashboard: the platform's figures over a period against the previous one, by channel and city. */
public record Platform(Period period, Period previousPeriod, Totals current, Totals previous, List<Split> byChannel,
        List<Split> byCity) {

    /** Merchants and stores active had a paid order in the period; stores only where the order named one. */
    public record Totals(long orders, long gmvMinor, long refundedMinor, long merchantsActive, long storesActive,
            long newMembers, long redemptions) {}

    /** Orders and GMV of one channel or one city ("" where a sale's city is not known). */
    public record Split(String key, long orders, long gmvMinor, long refundedMinor) {}

    /** One merchant of the operator's list with its figures over the period. */
    public record MerchantRow(UUID merchantId, String name, long orders, long gmvMinor, long refundedMinor,
            long redemptions, long newMembers) {}
}
