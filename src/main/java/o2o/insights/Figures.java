package o2o.insights;

/**
 * A merchant's (or the platform's) totals over a period. Money in minor units (分, CNY). Customers are the known
 * customers with a paid order in the period; returning ones had ordered before it, repeat ones ordered twice or more
 * in it.
 */
public record Figures(long orders, long grossMinor, long refundedMinor, long discountMinor, long redemptions,
        long newMembers, long customers, long returningCustomers, long repeatCustomers, long storedValueSoldMinor,
        long storedValueSpentMinor, long pointsIssued, long pointsRedeemed) {

    public long netMinor() {
        return grossMinor - refundedMinor;
    }

    /** Gross per order, rounded half up; 0 without orders. */
    public long averageTicketMinor() {
        return orders == 0 ? 0 : (grossMinor * 2 + orders) / (orders * 2);
    }

    /** Repeat customers per thousand customers, rounded half up; 0 without customers. */
    public long repeatPerMille() {
        return customers == 0 ? 0 : (repeatCustomers * 2000 + customers) / (customers * 2);
    }

    public long newCustomers() {
        return customers - returningCustomers;
    }
}
