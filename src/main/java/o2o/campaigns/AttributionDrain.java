package o2o.campaigns;

import o2o.campaigns.persistence.PendingAttributions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attributes the pending facts, a batch per transaction, until none is left. A fact is deleted from the pending ones
 * in the transaction that attributes it, so a crash in between leaves it pending; nodes draining side by side take
 * different facts ({@code skip locked}), and each fact's row is written once whoever writes it.
 */
@Component
class AttributionDrain {

    static final int BATCH = 1_000;

    private final PendingAttributions pending;
    private final Attributing attributing;
    private final TransactionTemplate tx;

    AttributionDrain(PendingAttributions pending, Attributing attributing, TransactionTemplate tx) {
        this.pending = pending;
        this.attributing = attributing;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${o2o.campaigns.drain-interval:250ms}")
    void drain() {
        Integer taken;
        do {
            taken = tx.execute(status -> {
                var facts = pending.take(BATCH);
                attributing.attributeAll(facts);
                return facts.size();
            });
        } while (taken != null && taken == BATCH);
    }
}
