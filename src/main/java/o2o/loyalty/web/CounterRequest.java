package o2o.loyalty.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Either the member's phone or their customer id. */
@Schema(name = "PointsSpendingCounterRequest")
record CounterRequest(@Nullable @Size(max = 20) String phone, @Nullable UUID customerId,
        @NotNull @Min(1) @Max(1_000_000_000L) Long points, @Nullable @Size(max = 100) String note) {}
