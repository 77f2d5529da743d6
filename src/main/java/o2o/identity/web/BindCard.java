package o2o.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "MemberLinksBindCard")
record BindCard(@NotBlank @Size(max = 20) String phone, @NotBlank @Size(max = 64) String cardNumber) {}
