package o2o.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "AuthStaffLoginRequest")
record StaffLoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {}
