package o2o.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.notifications.persistence.OutboxTable;
import o2o.shared.Ids;
import o2o.shared.PhoneNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: queue a message for a person. Delivery happens after the caller's transaction commits. */
@Service
public class Notifications {

    private final OutboxTable outbox;
    private final Clock clock;

    Notifications(OutboxTable outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * An SMS: a gateway sends the template of its {@code kind} filled with {@code params} (exactly the kind's
     * parameter names; values are written as text); {@code text} is the same message rendered, for the log, the dev
     * inbox and anybody reading the outbox.
     */
    @Transactional
    public void sms(PhoneNumber to, MessageKind kind, Map<String, ?> params, String text) {
        queue(Channel.SMS, to.value(), kind, templateParams(kind, params), text);
    }

    /** A message in the customer's in-app inbox. */
    @Transactional
    public void inApp(UUID customerId, MessageKind kind, String text) {
        queue(Channel.IN_APP, customerId.toString(), kind, Map.of(), text);
    }

    /** The latest messages sent to a recipient, newest first; backs the development inbox. */
    @Transactional(readOnly = true)
    public List<Message> latestTo(String recipient, int limit) {
        return outbox.latestTo(recipient, limit);
    }

    private static Map<String, String> templateParams(MessageKind kind, Map<String, ?> params) {
        if (!params.keySet().equals(Set.copyOf(kind.parameters()))) {
            throw new IllegalArgumentException(kind + " takes the parameters " + kind.parameters() + ", not "
                    + params.keySet());
        }
        var ordered = new LinkedHashMap<String, String>();
        for (var name : kind.parameters()) ordered.put(name, String.valueOf(params.get(name)));
        return ordered;
    }

    private void queue(Channel channel, String recipient, MessageKind kind, Map<String, String> params, String body) {
        outbox.insert(Ids.next(), channel, recipient, kind, params, body, clock.instant());
    }

    public enum Channel { SMS, IN_APP }
}
