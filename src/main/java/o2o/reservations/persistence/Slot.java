package o2o.reservations.persistence;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One slot of one table type of a store: the key of its counter. */
public record Slot(UUID storeId, LocalDate date, LocalTime time, String tableType) {}
