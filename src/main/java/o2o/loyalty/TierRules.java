package o2o.loyalty;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A program's tiers: what they are measured by ({@code POINTS} earned or {@code SPEND}), over how many days back
 * ({@code null}: since joining), and the levels from the lowest up.
 */
public record TierRules(UUID programId, String basis, @Nullable Integer periodDays, List<Tier> levels) {}
