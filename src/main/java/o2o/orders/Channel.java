package o2o.orders;

/** Where an order came from. */
public enum Channel { DEAL, DINE_IN, PICKUP, RESERVATION, POS, TOP_UP, DELIVERY, EVENT }
