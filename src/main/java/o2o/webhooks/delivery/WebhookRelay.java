package o2o.webhooks.delivery;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.webhooks.WebhookDelivery;
import o2o.webhooks.WebhookProperties;
import o2o.webhooks.persistence.AttemptLog;
import o2o.webhooks.persistence.DeliveryTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries over HTTP, a batch at once. Rows are claimed with {@code for update skip locked}, so several
 * nodes relay side by side and no delivery goes out twice at the same time. Anything but a 2xx is tried again after a
 * pause that doubles each time ({@code o2o.webhooks.first-pause}, then twice that, ...), up to
 * {@code o2o.webhooks.max-attempts} attempts, after which the delivery is marked failed. Every attempt is logged.
 */
@Component
class WebhookRelay {

    private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);
    private static final int BATCH = 20;

    private final DeliveryTable table;
    private final AttemptLog attempts;
    private final WebhookPost post;
    private final TransactionTemplate tx;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookRelay(DeliveryTable table, AttemptLog attempts, WebhookPost post, TransactionTemplate tx,
            WebhookProperties properties, Clock clock) {
        this.table = table;
        this.attempts = attempts;
        this.post = post;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${o2o.webhooks.delivery-interval:500ms}")
    @SchedulerLock(name = "webhooks.relay", lockAtLeastFor = "PT0.05S", lockAtMostFor = "PT5M")
    public void relay() {
        Integer sent;
        do {
            sent = tx.execute(status -> relayBatch());
        } while (sent != null && sent == BATCH);
    }

    private int relayBatch() {
        var due = table.claimDue(clock.instant(), BATCH);
        var sent = due.stream().map(post::send).toList();
        for (int i = 0; i < due.size(); i++) record(due.get(i), sent.get(i).join());
        return due.size();
    }

    private void record(DueDelivery delivery, WebhookDelivery.Attempt attempt) {
        attempts.add(delivery.id(), attempt);
        var now = clock.instant();
        var next = delivery.after(attempt.succeeded(), properties.maxAttempts());
        switch (next) {
            case DELIVERED -> table.delivered(delivery.id(), attempt.number(), now);
            case PENDING -> {
                warn(delivery, attempt);
                table.notAccepted(delivery.id(), next, attempt.number(),
                        now.plus(properties.pauseAfter(delivery.failedInRound())));
            }
            case FAILED -> {
                warn(delivery, attempt);
                table.notAccepted(delivery.id(), next, attempt.number(), null);
            }
        }
    }

    private static void warn(DueDelivery delivery, WebhookDelivery.Attempt attempt) {
        log.warn("Webhook {} to {} not accepted (attempt {}): {}", delivery.eventId(), delivery.url(),
                attempt.number(), attempt.statusCode() != null ? "HTTP " + attempt.statusCode() : attempt.error());
    }
}
