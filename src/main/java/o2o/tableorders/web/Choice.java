package o2o.tableorders.web;

/** A dish the waiter can pick in one go: the item with one choice from each required group. */
record Choice(String value, String label, boolean soldOut) {}
