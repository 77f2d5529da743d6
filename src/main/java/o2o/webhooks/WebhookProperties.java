package o2o.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing webhooks.
 *
 * @param allowLoopback whether endpoints may point at loopback, private or link-local addresses (development and
 *     tests, whose receivers run on this machine); refused by default, so a merchant cannot aim the platform at its
 *     own internal network
 * @param maxAttempts attempts per delivery before it is marked failed
 * @param firstPause the pause after the first failed attempt; each further one doubles it
 * @param maxPause the longest pause between two attempts
 */
@ConfigurationProperties("o2o.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowLoopback, @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstPause, @DefaultValue("1h") Duration maxPause) {

    /** The pause after the {@code failed}-th failed attempt of a round (counted from 1). */
    public Duration pauseAfter(int failed) {
        var pause = firstPause.multipliedBy(1L << Math.min(Math.max(failed - 1, 0), 20));
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }
}
