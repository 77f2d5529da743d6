package o2o.loyalty;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A program's tiers: what they are measured by, over how many days back ({@code null}: since joining), and the
 * levels from the lowest up.
 */
public record TierRules(UUID programId, TierBasis basis, @Nullable Integer periodDays, List<Tier> levels) {

    /** The highest rank the measure reaches; 0 below the first level. */
    int rankReachedBy(long measure) {
        int reached = 0;
        for (var level : levels) if (measure >= basis.needed(level.threshold())) reached = level.rank();
        return reached;
    }

    /** The name of the level at that rank; null for rank 0 (no tier) or a rank no longer defined. */
    @Nullable String nameOf(int rank) {
        return levels.stream().filter(l -> l.rank() == rank).map(Tier::name).findFirst().orElse(null);
    }
}
