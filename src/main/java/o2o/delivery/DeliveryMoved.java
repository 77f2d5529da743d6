package o2o.delivery;

import java.time.Instant;

import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/** A delivery order reached a state: the provider carrying it hears it (to be asked, or called off). */
public record DeliveryMoved(OrderId orderId, MerchantId merchantId, StoreId storeId, DeliveryStatus status,
        String provider, @Nullable String providerRef, Instant at) {}
