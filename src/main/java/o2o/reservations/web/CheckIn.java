package o2o.reservations.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "ReservationStaffCheckIn")
record CheckIn(@Nullable UUID tableId) {}
