package o2o.wallet.persistence;

/** What was topped up (principal, and the bonus with it) and what principal was refunded since some instant. */
public record RefundWindow(long principalToppedUp, long bonusToppedUp, long principalRefunded) {}
