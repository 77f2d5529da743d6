package o2o.pickup.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "PickupCounterSettings")
record Settings(@NotNull Integer preparationMinutes) {}
