package o2o.delivery.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "DeliveryPayDelivery")
record PayDelivery(@NotBlank @Size(max = 30) String provider) {}
