package o2o.campaigns;

/** Where a tracking code reaches people. */
public enum Channel {
    POSTER, FLYER, TABLE_TENT, STAFF_REFERRAL, SMS, WECHAT_ARTICLE, PARTNER, OTHER
}
