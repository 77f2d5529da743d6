package o2o.mallevents;

import java.time.Clock;

import o2o.mallevents.persistence.EventRows;
import o2o.mallevents.persistence.SignUpRows;
import o2o.malls.Malls;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminders of confirmed sign-ups, {@code o2o.mallevents.reminder-before} (2 h) before the start, each sent once
 * however many nodes look for the due ones at once: claimed by one conditional update ({@code reminded_at is null},
 * locked rows skipped), the messages queued in the same transaction.
 */
@Service
public class EventReminders {

    private final SignUpRows signUps;
    private final EventRows events;
    private final Malls malls;
    private final EventNotices notices;
    private final MallEventsProperties properties;
    private final Clock clock;

    EventReminders(SignUpRows signUps, EventRows events, Malls malls, EventNotices notices,
            MallEventsProperties properties, Clock clock) {
        this.signUps = signUps;
        this.events = events;
        this.malls = malls;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends the reminders that are due, at most {@code limit}; how many. */
    @Transactional
    public int sendDue(int limit) {
        var due = signUps.claimDueReminders(clock.instant(), properties.reminderBefore(), limit);
        for (var id : due) {
            var signUp = signUps.find(id).orElseThrow();
            var event = events.find(signUp.eventId()).orElseThrow();
            notices.reminder(malls.get(event.mallId()), event, signUp);
        }
        return due.size();
    }
}
