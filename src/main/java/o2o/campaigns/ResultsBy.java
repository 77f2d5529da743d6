package o2o.campaigns;

/** How a campaign's results are broken down. */
public enum ResultsBy {
    /** The tracking code; what a coupon brought has none. */
    CODE,
    /** The code's channel; what a coupon brought has none. */
    CHANNEL,
    /** The store of the fact (or of the code, for scans). */
    STORE,
    /** The day in Shanghai. */
    DAY
}
