package o2o.delivery.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(name = "DeliveryLineRequest")
record LineRequest(@NotNull UUID itemId, @Nullable @Size(max = 20) List<@NotNull UUID> optionIds,
        @NotNull @Min(1) @Max(99) Integer quantity) {}
