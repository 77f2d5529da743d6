package o2o.tableorders.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.tableorders.LineRequest;
import org.jspecify.annotations.Nullable;

@Schema(name = "KitchenStaffRound")
record StaffRound(@Nullable List<LineRequest> lines) {}
