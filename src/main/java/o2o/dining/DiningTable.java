package o2o.dining;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A table in a store. {@code code} is the random public code its QR carries ({@code /t/{code}}); a retired table
 * ({@code active} false) keeps its history but its code opens nothing.
 */
public record DiningTable(UUID id, UUID merchantId, UUID storeId, @Nullable UUID areaId, String label, int seats,
        String code, boolean active) {}
