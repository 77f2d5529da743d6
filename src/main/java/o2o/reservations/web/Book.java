package o2o.reservations.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A booking request. {@code date} like 2026-05-01 and {@code time} like 18:00 in the store's time zone;
 * {@code phone} defaults to the customer's own.
 */
@Schema(name = "ReservationBook")
record Book(@Nullable UUID storeId, @Nullable String date, @Nullable String time, @Nullable Integer partySize,
        @Nullable String name, @Nullable String phone, @Nullable String note) {}
