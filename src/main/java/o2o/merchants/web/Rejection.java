package o2o.merchants.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "AdminMerchantRejection")
record Rejection(@NotBlank @Size(max = 500) String reason) {}
