package o2o.outreach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.outreach.Intake.Candidate;
import o2o.outreach.persistence.PendingJourneyFacts;
import o2o.outreach.persistence.PendingJourneyFacts.Taken;
import o2o.shared.PendingDrain;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Takes the members the pending facts bring into the merchants' journeys, a batch per transaction. */
@Component
class JourneyDrain {

    private final PendingDrain<Taken> drain;

    JourneyDrain(PendingJourneyFacts pending, Journeys journeys, TransactionTemplate tx, MeterRegistry meters) {
        this.drain = PendingDrain.of("journeys", 1_000, pending::take, facts -> enter(journeys, facts),
                (fact, error) -> pending.setAside(fact.id(), error), tx, meters);
    }

    @Scheduled(fixedDelayString = "${o2o.outreach.drain-interval:1s}")
    @SchedulerLock(name = "outreach.journey-drain", lockAtLeastFor = "PT0.05S", lockAtMostFor = "PT5M")
    public void drain() {
        drain.run();
    }

    /** Each merchant's facts of a kind go to its journeys of that kind together. */
    private static void enter(Journeys journeys, List<Taken> facts) {
        record Key(OutreachKind kind, UUID merchant) {}
        var grouped = new LinkedHashMap<Key, List<Candidate>>();
        for (var taken : facts) {
            var fact = taken.fact();
            grouped.computeIfAbsent(new Key(OutreachKind.valueOf(fact.kind()), fact.merchant()),
                    k -> new ArrayList<>()).add(new Candidate(fact.customer(), fact.occurrence()));
        }
        grouped.forEach((key, candidates) -> journeys.enter(key.kind(), key.merchant(), candidates));
    }
}
