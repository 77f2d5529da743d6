package o2o.insights;

import o2o.insights.persistence.PendingRollups;
import o2o.insights.persistence.RollupLock;
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

    static final int BATCH = 1_000;

    private final PendingRollups pending;
    private final RollupLock lock;
    private final Projections projections;
    private final TransactionTemplate tx;

    InsightsDrain(PendingRollups pending, RollupLock lock, Projections projections, TransactionTemplate tx) {
        this.pending = pending;
        this.lock = lock;
        this.projections = projections;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${o2o.insights.drain-interval:250ms}")
    void drain() {
        Integer taken;
        do {
            taken = tx.execute(status -> {
                if (!lock.tryHold()) return 0;
                var facts = pending.take(BATCH);
                projections.apply(facts);
                return facts.size();
            });
        } while (taken != null && taken == BATCH);
    }
}
