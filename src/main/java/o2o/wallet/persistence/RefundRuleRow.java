package o2o.wallet.persistence;

/** A merchant's refund rule as stored. */
public record RefundRuleRow(boolean principalRefundable, int withinDays) {}
