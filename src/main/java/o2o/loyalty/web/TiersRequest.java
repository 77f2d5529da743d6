package o2o.loyalty.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.loyalty.Tier;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

@Schema(name = "ProgramRequestsTiers")
record TiersRequest(@Nullable String basis, @Nullable Integer periodDays, @Nullable List<Level> levels) {

    List<Tier> tiers() {
        if (levels == null) return List.of();
        var tiers = new ArrayList<Tier>();
        for (int i = 0; i < levels.size(); i++) {
            var level = levels.get(i);
            var field = "levels[" + i + "].";
            if (level == null) throw new InvalidInput("levels[" + i + "]", "required");
            if (level.name() == null) throw new InvalidInput(field + "name", "required");
            if (level.threshold() == null) throw new InvalidInput(field + "threshold", "required");
            tiers.add(new Tier(i + 1, level.name(), level.threshold(),
                    level.discountPercent() == null ? 0 : level.discountPercent(),
                    level.pointsMultiplierPercent() == null ? 100 : level.pointsMultiplierPercent()));
        }
        return tiers;
    }

    String requiredBasis() {
        if (basis == null) throw new InvalidInput("basis", "POINTS or SPEND");
        return basis;
    }
}
