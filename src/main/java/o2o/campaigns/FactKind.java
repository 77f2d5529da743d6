package o2o.campaigns;

/** What is attributed: each of these once. */
public enum FactKind {
    ORDER, REFUND, REDEMPTION, MEMBERSHIP, TABLE_VISIT
}
