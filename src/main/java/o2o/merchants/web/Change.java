package o2o.merchants.web;

import static o2o.merchants.web.MerchantStaffApi.NO_CONTROL;

import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import o2o.identity.Role;
import org.jspecify.annotations.Nullable;

@Schema(name = "MerchantStaffChange")
record Change(@NotBlank @Size(max = 40) @Pattern(regexp = NO_CONTROL) String displayName,
        @NotNull Role role,
        @Nullable @Size(max = 100) Set<UUID> storeIds) {}
