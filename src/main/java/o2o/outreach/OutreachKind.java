package o2o.outreach;

/** What takes a member into a campaign: the send to a segment, or a journey's event or time. */
public enum OutreachKind {
    /** A send to a segment's members, now or at a set time. */
    TARGETED,
    /** A new member, once. */
    WELCOME,
    /** A member's last visit is {@code triggerDays} ago, once per lapse. */
    WIN_BACK,
    /** A member's birthday, once a year. */
    BIRTHDAY,
    /** A member's points expire within {@code triggerDays}, once per expiry day. */
    POINTS_EXPIRING,
    /** A redeemed voucher or a paid bill, once per order. */
    REVIEW_REQUEST;

    public boolean isJourney() {
        return this != TARGETED;
    }

    /** Whether a journey of this kind counts days (how long lapsed, how long before expiry). */
    public boolean takesDays() {
        return this == WIN_BACK || this == POINTS_EXPIRING;
    }
}
