package o2o.notifications;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: queue a message for a person. Delivery happens after the caller's transaction commits. */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void sms(PhoneNumber to, String text) {
        queue(Channel.SMS, to.value(), text);
    }

    /** A message in the customer's in-app inbox. */
    @Transactional
    public void inApp(UUID customerId, String text) {
        queue(Channel.IN_APP, customerId.toString(), text);
    }

    /** The latest messages sent to a recipient, newest first; backs the development inbox. */
    @Transactional(readOnly = true)
    public List<Message> latestTo(String recipient, int limit) {
        return jdbc.sql("""
                        select id, channel, recipient, body, created_at, sent_at from notification
                        where recipient = :recipient order by created_at desc, id desc limit :limit
                        """)
                .param("recipient", recipient)
                .param("limit", limit)
                .query(Message.class)
                .list();
    }

    private void queue(Channel channel, String recipient, String body) {
        jdbc.sql("""
                        insert into notification (id, channel, recipient, body, created_at)
                        values (:id, :channel, :recipient, :body, :now)
                        """)
                .param("id", Ids.next())
                .param("channel", channel.name())
                .param("recipient", recipient)
                .param("body", body)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    public enum Channel { SMS, IN_APP }
}
