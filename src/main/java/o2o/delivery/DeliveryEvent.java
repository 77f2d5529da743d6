package o2o.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One move in a delivery order's history: the state it reached, what happened, the courier concerned, who did it. */
public record DeliveryEvent(DeliveryStatus status, String what, @Nullable UUID courierId, String actor, Instant at) {}
