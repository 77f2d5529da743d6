package o2o.tableorders.persistence;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A diner's item share and the order paying it (null while nobody pays it). */
public record ItemShare(UUID id, @Nullable UUID orderId) {}
