package o2o.reservations;

/** What became of a paid deposit: given back (cancelled in time, by the store, or the party came) or kept. */
public enum DepositOutcome { REFUNDED, FORFEITED }
