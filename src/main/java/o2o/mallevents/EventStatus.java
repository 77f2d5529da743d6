package o2o.mallevents;

/** An event takes sign-ups until its deadline while SCHEDULED; the mall may cancel it, which ends every sign-up. */
public enum EventStatus { SCHEDULED, CANCELLED }
