package o2o.campaigns;

/**
 * A campaign's figures for one code, channel, store or day (or all of them): scans and the visitors who made them,
 * what was attributed (paid orders, redemptions, new members, table visits), net revenue (paid less refunded) and what
 * the orders gave away (discounts, points), in minor units.
 *
 * @param key the code, channel, store id or ISO date; empty for what has none (a coupon's orders have no code)
 */
public record Figures(String key, long scans, long visitors, long orders, long redemptions, long newMembers,
        long tableVisits, long netRevenueMinor, long discountMinor) {

    public static Figures none(String key) {
        return new Figures(key, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** These figures with the scans counted for the same key. */
    public Figures withScans(long scans, long visitors) {
        return new Figures(key, scans, visitors, orders, redemptions, newMembers, tableVisits, netRevenueMinor,
                discountMinor);
    }
}
