package o2o.loyalty.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "PointsProgramNewGroup")
record NewGroup(@NotNull String name, @NotNull UUID ownerMerchantId) {}
