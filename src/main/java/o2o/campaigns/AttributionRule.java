package o2o.campaigns;

/** Why a fact counts for a campaign, or that it counts for none ({@link #ORGANIC}). */
public enum AttributionRule {
    /** It used a coupon of one of the campaign's coupon templates. */
    COUPON,
    /** The diner scanned a table's QR code carrying one of the campaign's tracking codes ({@code ?src=}). */
    TABLE_CODE,
    /** The customer's latest scan of one of the campaign's codes was within the campaign's window. */
    SCAN,
    /** Nothing of a campaign's led to it. */
    ORGANIC
}
