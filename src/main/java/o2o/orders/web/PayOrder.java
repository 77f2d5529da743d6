package o2o.orders.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "OrderPayOrder")
record PayOrder(@NotBlank @Size(max = 30) String provider) {}
