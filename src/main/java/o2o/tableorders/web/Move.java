package o2o.tableorders.web;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.tableorders.ItemState;
import org.jspecify.annotations.Nullable;

@Schema(name = "KitchenMove")
record Move(@Nullable ItemState state) {}
