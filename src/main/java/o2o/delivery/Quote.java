package o2o.delivery;

import java.util.UUID;

import o2o.shared.Money;

/**
 * What delivering to a point costs and takes, from the zone that serves it: shown before paying, and worked out again
 * when the order is placed.
 */
public record Quote(UUID zoneId, String zoneName, int distanceMeters, Money fee, Money minimum, boolean meetsMinimum,
        Promise promise) {}
