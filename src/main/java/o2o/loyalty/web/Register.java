package o2o.loyalty.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(name = "MemberRegister")
record Register(@NotBlank @Size(max = 20) String phone, @Nullable @Size(max = 40) String name) {}
