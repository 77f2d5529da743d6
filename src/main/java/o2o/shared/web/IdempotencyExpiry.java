package o2o.shared.web;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.shared.persistence.IdempotencyRecords;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the answers kept for {@code Idempotency-Key} replays once they are a day old. Its own bean rather than a
 * method of {@link IdempotencyFilter}, so the lock's proxy wraps this and not a servlet filter.
 */
@Component
class IdempotencyExpiry {

    private final IdempotencyRecords records;
    private final Clock clock;

    IdempotencyExpiry(IdempotencyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @SchedulerLock(name = "shared.idempotency-expiry", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
    public void forgetOldKeys() {
        records.forgetBefore(clock.instant().minus(Duration.ofDays(1)));
    }
}
