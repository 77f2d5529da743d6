package o2o.tableorders;

import o2o.dining.DiningTable;
import o2o.dining.TableSession;

/** A table that a QR code names, with the session its diners are ordering in. */
public record OpenTable(DiningTable table, TableSession session) {}
