package o2o.profiles;

import java.time.Instant;
import java.util.UUID;

/** A merchant's saved segment: its rule as written, and how many members are in it now. */
public record Segment(UUID id, String name, RuleSpec rule, long members, Instant createdAt) {}
