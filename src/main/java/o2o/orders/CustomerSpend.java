package o2o.orders;

import o2o.shared.CustomerId;

/**
 * What a customer paid a merchant within a window: the orders paid and their total net of refunds, in minor units;
 * top-ups of stored value are not spend (spending it is).
 */
public record CustomerSpend(CustomerId customer, int orders, long netMinor) {}
