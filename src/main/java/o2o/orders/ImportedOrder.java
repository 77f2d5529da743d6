package o2o.orders;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;

/** A past, completed order of one line, for bulk import (history from another system, demo data). */
public record ImportedOrder(MerchantId merchantId, CustomerId customerId, Channel channel, NewOrder.Line line,
        Instant paidAt) {}
