package o2o.campaigns;

/**
 * How far the people a campaign reached went: scans, the visitors who made them, the visitors who signed in (their
 * scans bound to a customer), the orders attributed to the campaign, those of them still paid (not wholly refunded),
 * and the vouchers redeemed.
 */
public record Funnel(long scans, long visitors, long signIns, long orders, long paid, long redeemed) {}
