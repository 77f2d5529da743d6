package o2o.loyalty;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Levels a merchant sets for its program, checked: ranks follow the order given, thresholds rise, names are
 * distinct and stripped, and benefits stay within bounds.
 */
record TierLevels(TierBasis basis, @Nullable Integer periodDays, List<Tier> levels) {

    static final int MAX_LEVELS = 10;

    static TierLevels of(String basis, @Nullable Integer periodDays, List<Tier> levels) {
        var parsed = TierBasis.parse(basis);
        if (periodDays != null && (periodDays < 1 || periodDays > 3660)) {
            throw new InvalidInput("periodDays", "1 to 3660 days, or none for all time");
        }
        if (levels.size() > MAX_LEVELS) throw new InvalidInput("levels", "at most " + MAX_LEVELS);
        var names = new HashSet<String>();
        long previous = -1;
        for (int i = 0; i < levels.size(); i++) {
            var level = levels.get(i);
            var field = "levels[" + i + "].";
            var name = level.name().strip();
            if (name.isEmpty() || name.length() > 20) throw new InvalidInput(field + "name", "1 to 20 characters");
            if (!names.add(name)) throw new InvalidInput(field + "name", "each level needs its own name");
            if (level.threshold() <= previous) throw new InvalidInput(field + "threshold", "must be above the level below");
            if (level.discountPercent() < 0 || level.discountPercent() > 100) {
                throw new InvalidInput(field + "discountPercent", "0 to 100");
            }
            if (level.pointsMultiplierPercent() < 100 || level.pointsMultiplierPercent() > 10000) {
                throw new InvalidInput(field + "pointsMultiplierPercent", "100 to 10000");
            }
            previous = level.threshold();
        }
        return new TierLevels(parsed, periodDays, ranked(levels));
    }

    private static List<Tier> ranked(List<Tier> levels) {
        return IntStream.range(0, levels.size()).mapToObj(i -> {
            var level = levels.get(i);
            return new Tier(i + 1, level.name().strip(), level.threshold(), level.discountPercent(),
                    level.pointsMultiplierPercent());
        }).toList();
    }
}
