package o2o.campaigns;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.campaigns.persistence.PendingAttributions;
import o2o.campaigns.persistence.PendingAttributions.Taken;
import o2o.shared.PendingDrain;
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

    private final PendingDrain<Taken> drain;

    AttributionDrain(PendingAttributions pending, Attributing attributing, TransactionTemplate tx,
            MeterRegistry meters) {
        this.drain = PendingDrain.of("attribution", 1_000, pending::take,
                facts -> attributing.attributeAll(facts.stream().map(Taken::fact).toList()),
                (fact, error) -> pending.setAside(fact.id(), error), tx, meters);
    }

    @Scheduled(fixedDelayString = "${o2o.campaigns.drain-interval:1s}")
    @SchedulerLock(name = "campaigns.drain", lockAtLeastFor = "PT0.05S", lockAtMostFor = "PT5M")
    public void drain() {
        drain.run();
    }
}
