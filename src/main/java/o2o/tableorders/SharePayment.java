package o2o.tableorders;

import java.util.UUID;

import o2o.orders.OrderStatus;
import org.jspecify.annotations.Nullable;

/** A share being paid: its order, and where to send the payer to pay it (null when it is already paid). */
public record SharePayment(UUID shareId, UUID orderId, OrderStatus orderStatus, @Nullable String redirectUrl) {}
