package o2o.pickup.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "PickupPayPickup")
record PayPickup(@NotBlank @Size(max = 30) String provider) {}
