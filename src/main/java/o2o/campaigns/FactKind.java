package o2o.campaigns;

/**
 * What is attributed: each of these once. {@code REDEMPTION_REVERSED} is heard, not attributed: it marks the row of
 * the redemption it undoes, which then no longer counts.
 */
public enum FactKind {
    ORDER, REFUND, REDEMPTION, MEMBERSHIP, TABLE_VISIT, REDEMPTION_REVERSED
}
