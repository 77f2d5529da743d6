package o2o.profiles;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.profiles.persistence.PendingProfiles;
import o2o.profiles.persistence.PendingProfiles.Taken;
import o2o.shared.PendingDrain;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds the pending facts to the profiles, a batch per transaction, until none is left. A fact is deleted from the
 * pending ones in the transaction that counts it, so a crash in between leaves it pending for the next drain; rows
 * are only ever added to, so two nodes draining at once add up the same.
 */
@Component
class ProfileDrain {

    private final PendingDrain<Taken> drain;

    ProfileDrain(PendingProfiles pending, ProfileProjection projection, TransactionTemplate tx, MeterRegistry meters) {
        this.drain = PendingDrain.of("profiles", 1_000, pending::take,
                facts -> projection.apply(facts.stream().map(Taken::fact).toList()),
                (fact, error) -> pending.setAside(fact.id(), error), tx, meters);
    }

    @Scheduled(fixedDelayString = "${o2o.profiles.drain-interval:1s}")
    @SchedulerLock(name = "profiles.drain", lockAtLeastFor = "PT0.05S", lockAtMostFor = "PT5M")
    public void drain() {
        drain.run();
    }
}
