package o2o.dining;

import java.util.UUID;

/** A part of a store's floor, such as 大厅 or 包间. */
public record Area(UUID id, UUID merchantId, UUID storeId, String name, int position) {}
