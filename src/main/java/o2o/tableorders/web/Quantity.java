package o2o.tableorders.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "TableCartQuantity")
record Quantity(@Nullable Integer quantity) {}
