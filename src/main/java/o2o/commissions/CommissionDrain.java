package o2o.commissions;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.commissions.persistence.PendingCommissions;
import o2o.commissions.persistence.PendingCommissions.Taken;
import o2o.shared.PendingDrain;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the pending paid orders and refunds, a batch per transaction, one drain at a time (so an order's refund is
 * never counted before its payment). A fact leaves the pending table in the transaction that charges or reverses it.
 */
@Component
class CommissionDrain {

    private final PendingDrain<Taken> drain;

    CommissionDrain(PendingCommissions pending, CommissionPosting posting, TransactionTemplate tx,
            MeterRegistry meters) {
        this.drain = PendingDrain.of("commissions", 1_000, pending::take,
                facts -> posting.apply(facts.stream().map(Taken::fact).toList()),
                (fact, error) -> pending.setAside(fact.id(), error), tx, meters);
    }

    @Scheduled(fixedDelayString = "${o2o.commissions.drain-interval:1s}")
    @SchedulerLock(name = "commissions.drain", lockAtLeastFor = "PT0.05S", lockAtMostFor = "PT5M")
    public void drain() {
        drain.run();
    }
}
