package o2o.orders;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;

/** A past, completed order of a deal, for bulk import (history from another system, demo data). */
public record ImportedOrder(UUID merchantId, UUID customerId, UUID dealId, String title, Money unitPrice, int quantity,
        Instant paidAt) {}
