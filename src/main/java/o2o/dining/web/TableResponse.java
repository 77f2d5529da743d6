package o2o.dining.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A table as staff manage it, with the address its QR code encodes (without a tracking code). */
@Schema(name = "FloorPlanTableResponse")
record TableResponse(UUID id, UUID storeId, @Nullable UUID areaId, String label, int seats, String code,
        String scanUrl) {}
