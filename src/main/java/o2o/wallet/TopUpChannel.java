package o2o.wallet;

/** Where stored value was bought: at the merchant's counter, or online as a TOP_UP order. */
public enum TopUpChannel { COUNTER, ONLINE }
