package o2o.shared.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the event publications whose listener did not complete, by one node per run: a restarting node
 * resubmits nothing on its own (another node may be running those listeners right now). Each run first marks the
 * publications stuck in a state longer than their staleness allows as failed, counting them
 * ({@code o2o.events.stale}, tagged with the state) and logging them; then it resubmits the incomplete publications
 * (failed, never started, or left running by a node that died) older than the minimum age and not resubmitted
 * within it either. A listener runs for seconds, so one that has not completed after minutes will not on its own.
 * Listeners are idempotent, so a publication delivered twice still counts once; this keeps it to once in the
 * normal case.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);
    private static final List<Status> IN_FLIGHT = List.of(Status.PUBLISHED, Status.PROCESSING, Status.RESUBMITTED);

    private final IncompleteEventPublications incomplete;
    private final EventPublicationRegistry registry;
    private final EventPublicationRepository publications;
    private final EventRedeliveryProperties properties;
    private final Staleness staleness;
    private final Clock clock;
    private final MeterRegistry meters;

    EventRedelivery(IncompleteEventPublications incomplete, EventPublicationRegistry registry,
            EventPublicationRepository publications, EventRedeliveryProperties properties, Clock clock,
            MeterRegistry meters) {
        this.incomplete = incomplete;
        this.registry = registry;
        this.publications = publications;
        this.properties = properties;
        this.staleness = status -> switch (status) {
            case PUBLISHED -> properties.stalePublished();
            case PROCESSING -> properties.staleProcessing();
            case RESUBMITTED -> properties.staleResubmitted();
            default -> Duration.ZERO;
        };
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${o2o.events.resubmit-interval:1m}",
            initialDelayString = "${o2o.events.resubmit-interval:1m}")
    @SchedulerLock(name = "events.resubmit", lockAtLeastFor = "PT20S", lockAtMostFor = "PT10M")
    public void resubmitOnSchedule() {
        markStale();
        resubmit();
    }

    /**
     * Marks the publications stuck in flight as failed: counted and logged, and a resubmitted one that never started
     * is taken again by {@link #resubmit}.
     */
    void markStale() {
        var now = clock.instant();
        var stuck = false;
        for (var status : IN_FLIGHT) {
            var limit = staleness.getStaleness(status);
            long count = publications.findByStatus(status).stream()
                    .filter(p -> p.getPublicationDate().isBefore(now.minus(limit))).count();
            if (count > 0) {
                log.warn("{} event publications {} for over {} are stale: marked failed, to be resubmitted", count,
                        status, limit);
                meters.counter("o2o.events.stale", "status", status.name()).increment(count);
                stuck = true;
            }
        }
        if (stuck) registry.markStalePublicationsFailed(staleness);
    }

    /**
     * Resubmits the incomplete publications older than the minimum age and not resubmitted within it; the registry
     * marks each resubmitted in one conditional update, so of two callers one resubmits it.
     */
    void resubmit() {
        var before = clock.instant().minus(properties.minAge());
        incomplete.resubmitIncompletePublications(publication -> oldEnough(publication, before));
    }

    private static boolean oldEnough(EventPublication publication, Instant before) {
        var resubmitted = publication.getLastResubmissionDate();
        return publication.getPublicationDate().isBefore(before)
                && (resubmitted == null || resubmitted.isBefore(before));
    }
}
