package o2o.campaigns;

/** Whose facts a campaign's scans may count for. */
public enum CampaignAudience {
    /** The merchant's own: orders, redemptions and memberships at the merchant. */
    MERCHANT,
    /**
     * The group's: the campaign of the merchant that owns a group program (a mall), whose scans count for facts at
     * every merchant in the group as well as its own.
     */
    GROUP
}
