package o2o.loyalty;

import java.util.List;
import java.util.UUID;

import o2o.ledger.Ledger;

/** A member's points in a program, with the latest movements. */
public record PointsBalance(UUID programId, long points, List<Ledger.Line> history) {}
