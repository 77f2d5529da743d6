package o2o.mallevents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param qrSecret key that signs the sign-ups' QR codes ({@code O2O_EVENT_QR_SECRET}); blank makes a random one per run,
 *     in demo, dev and test runs only (a production run refuses to start without it)
 * @param reminderBefore how long before an event starts its attendees are reminded
 * @param attributionDays how many days after a check-in what the attendee buys at the mall's tenants counts for the
 *     event's campaign
 */
@ConfigurationProperties("o2o.mallevents")
record MallEventsProperties(@DefaultValue("") String qrSecret, @DefaultValue("2h") Duration reminderBefore,
        @DefaultValue("7") int attributionDays) {}
