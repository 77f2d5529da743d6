package o2o.tableorders.persistence;

import java.util.UUID;

import o2o.tableorders.Round;

/** A round and the table it was sent from. */
public record TableRound(UUID tableId, Round round) {}
