package o2o.loyalty.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "ProgramRequestsBonusEvent")
record BonusEvent(@Nullable Instant from, @Nullable Instant to, @Nullable Integer multiplierPercent,
        @Nullable String channel) {}
