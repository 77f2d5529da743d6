package o2o.reservations.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "ReservationStaffTypeBody")
record TypeBody(@Nullable String name, @Nullable Integer minParty, @Nullable Integer maxParty,
        @Nullable Integer tables) {}
