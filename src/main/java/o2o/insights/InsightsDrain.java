package o2o.insights;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.insights.persistence.PendingRollups;
import o2o.insights.persistence.PendingRollups.Taken;
import o2o.insights.persistence.RollupLock;
import o2o.shared.PendingDrain;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds the pending facts to the rollups, a batch per transaction, until none is left. One node drains at a time (the
 * rollups' lock); a fact is deleted from the pending ones in the transaction that counts it, so a crash in between
 * leaves it pending, to be counted by the next drain.
 */
@Component
class InsightsDrain {

    private final PendingDrain<Taken> drain;

    InsightsDrain(PendingRollups pending, RollupLock lock, Projections projections, TransactionTemplate tx,
            MeterRegistry meters) {
        this.drain = PendingDrain.of("insights", 1_000,
                limit -> lock.tryHold() ? pending.take(limit) : List.of(),
                facts -> projections.apply(facts.stream().map(Taken::fact).toList()),
                (fact, error) -> pending.setAside(fact.id(), error), tx, meters);
    }

    @Scheduled(fixedDelayString = "${o2o.insights.drain-interval:1s}")
    @SchedulerLock(name = "insights.drain", lockAtLeastFor = "PT0.05S", lockAtMostFor = "PT5M")
    public void drain() {
        drain.run();
    }
}
