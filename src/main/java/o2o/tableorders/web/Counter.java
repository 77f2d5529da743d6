package o2o.tableorders.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

@Schema(name = "BillCounter")
record Counter(@NotBlank String method) {}
