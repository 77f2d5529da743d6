package o2o.merchants.web;

import static o2o.merchants.web.MerchantStaffApi.NO_CONTROL;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "MerchantStaffNewPassword")
record NewPassword(@NotBlank @Size(min = 8, max = 128) @Pattern(regexp = NO_CONTROL) String password) {}
