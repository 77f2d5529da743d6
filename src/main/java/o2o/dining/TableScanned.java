package o2o.dining;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A diner scanned a table's QR code: a visit to the store. {@code src} is the tracking code the QR carried, if any;
 * {@code dinerKey} tells diners apart (the customer's id when signed in, else the phone's cookie).
 */
public record TableScanned(UUID scanId, MerchantId merchantId, StoreId storeId, UUID tableId, @Nullable String src,
        @Nullable CustomerId customerId, String dinerKey, Instant at) {}
