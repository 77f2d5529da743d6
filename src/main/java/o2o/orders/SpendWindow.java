package o2o.orders;

import java.time.Instant;

import o2o.shared.CustomerId;

/** A customer and a time span to sum their paid orders over: from included, to excluded. */
public record SpendWindow(CustomerId customer, Instant from, Instant to) {}
