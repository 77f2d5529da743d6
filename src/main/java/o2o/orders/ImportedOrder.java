package o2o.orders;

import java.time.Instant;
import java.util.UUID;

/** A past, completed order of one line, for bulk import (history from another system, demo data). */
public record ImportedOrder(UUID merchantId, UUID customerId, Channel channel, NewOrder.Line line, Instant paidAt) {}
