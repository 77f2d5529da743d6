package o2o.reservations.persistence;

import java.time.LocalTime;

/** How many of a table type are booked at a time of the day. */
public record SlotBooked(LocalTime time, String tableType, int booked) {}
