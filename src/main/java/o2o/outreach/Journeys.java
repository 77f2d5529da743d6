package o2o.outreach;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.outreach.Intake.Candidate;
import o2o.outreach.persistence.OutreachRows;
import o2o.shared.PerNode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The active journeys, kept in memory so that a fact heard on a hot path (a payment, a redemption) costs nothing for
 * a merchant with no journey of its kind. This node reloads them when one changes here and every few seconds for
 * changes made on other nodes.
 */
@Component
class Journeys {

    private final OutreachRows rows;
    private final Intake intake;
    private final Clock clock;
    private volatile Map<OutreachKind, Set<UUID>> active = Map.of();

    Journeys(OutreachRows rows, Intake intake, Clock clock) {
        this.rows = rows;
        this.intake = intake;
        this.clock = clock;
    }

    /** Whether the merchant has an active journey of this kind. */
    boolean wants(OutreachKind kind, UUID merchant) {
        return active.getOrDefault(kind, Set.of()).contains(merchant);
    }

    /** Reloads the active journeys (after a change here; on a timer for the others). */
    @Scheduled(fixedDelayString = "${o2o.outreach.journey-refresh:10s}")
    @PerNode("the active journeys in this node's memory: each node reloads its own")
    void changed() {
        var loaded = new EnumMap<OutreachKind, Set<UUID>>(OutreachKind.class);
        for (var kind : OutreachKind.values()) {
            if (!kind.isJourney()) continue;
            var merchants = new HashSet<UUID>();
            rows.activeJourneys(kind).forEach(o -> merchants.add(o.merchantId()));
            loaded.put(kind, Set.copyOf(merchants));
        }
        active = loaded;
    }

    /** Takes the members these occurrences bring into each of the merchant's active journeys of the kind. */
    int enter(OutreachKind kind, UUID merchant, List<Candidate> candidates) {
        int taken = 0;
        for (var journey : rows.activeJourneys(kind, merchant)) {
            taken += intake.enter(journey, candidates, clock.instant());
        }
        return taken;
    }
}
