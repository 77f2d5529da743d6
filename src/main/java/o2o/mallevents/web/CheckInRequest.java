package o2o.mallevents.web;

import org.jspecify.annotations.Nullable;

/** What the door scanned: the sign-up's QR code. */
record CheckInRequest(@Nullable String token) {}
