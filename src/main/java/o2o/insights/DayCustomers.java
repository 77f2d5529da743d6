package o2o.insights;

import java.util.Comparator;
import java.util.List;

import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * A merchant's known customers in one slice of time (a day, or a month), as exact sets of their numbers at the
 * merchant ({@code insights_customer_merchant.ordinal}): who ordered, who ordered twice or more in it, and whose first
 * order at the merchant it was. A period's distinct customers are the union of slices that add up to it without
 * overlap, so a year is a dozen months, not a row per customer and day.
 */
public record DayCustomers(RoaringBitmap customers, RoaringBitmap repeaters, RoaringBitmap newcomers) {

    public static DayCustomers none() {
        return new DayCustomers(new RoaringBitmap(), new RoaringBitmap(), new RoaringBitmap());
    }

    /** The customer numbered {@code ordinal} ordered {@code orders} times more in this slice. */
    public void ordered(int ordinal, long orders) {
        if (orders <= 0) throw new IllegalArgumentException("an order is counted once or more");
        if (orders >= 2 || customers.contains(ordinal)) repeaters.add(ordinal);
        customers.add(ordinal);
    }

    /** This slice became, or stopped holding, the customer's first order at the merchant. */
    public void firstOrder(int ordinal, boolean first) {
        if (first) newcomers.add(ordinal);
        else newcomers.remove(ordinal);
    }

    /**
     * The distinct customers of a period made of these slices (none overlapping another): all who ordered; the
     * returning ones, whose first order came before the period; the repeating ones, with two orders or more in it.
     */
    public static Counts count(List<DayCustomers> days) {
        var all = new RoaringBitmap();
        var twice = FastAggregation.or(days.stream().map(DayCustomers::repeaters).iterator());
        var newcomers = FastAggregation.or(days.stream().map(DayCustomers::newcomers).iterator());
        // the largest first: the running union turns into dense bitmaps early, into which the small days fold cheaply
        var largestFirst = days.stream().map(DayCustomers::customers)
                .sorted(Comparator.comparingLong(RoaringBitmap::getLongCardinality).reversed()).toList();
        for (var customers : largestFirst) {
            twice.or(RoaringBitmap.and(all, customers));
            all.or(customers);
        }
        return new Counts(all.getLongCardinality(), RoaringBitmap.andNotCardinality(all, newcomers),
                twice.getLongCardinality());
    }

    /** A period's distinct customers. */
    public record Counts(long customers, long returning, long repeating) {}
}
