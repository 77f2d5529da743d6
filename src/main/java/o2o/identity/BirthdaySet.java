package o2o.identity;

import java.time.Instant;
import java.time.LocalDate;

import o2o.shared.CustomerId;
import org.jspecify.annotations.Nullable;

/** The customer gave their birthday, changed it, or (with null) took it back. */
public record BirthdaySet(CustomerId customerId, @Nullable LocalDate birthday, Instant at) {}
