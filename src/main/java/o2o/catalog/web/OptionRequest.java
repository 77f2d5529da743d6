package o2o.catalog.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(name = "MenuOptionRequest")
record OptionRequest(@Nullable UUID id, @NotBlank @Size(max = 30) String name, long priceDeltaMinor) {}
