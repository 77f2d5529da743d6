package o2o.footfall;

/** What became of a batch: intervals stored now, and intervals this counter had reported before (left as they were). */
public record DoorTally(int accepted, int duplicates) {}
