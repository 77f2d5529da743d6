package o2o.loyalty;

/** Why a member's tier was re-evaluated: an earning, a refund, the nightly rolling period, or new levels. */
public enum TierChangeReason {
    EARN, REFUND, PERIOD, RULES
}
