package o2o.identity.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.shared.AfterTransaction;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The page sessions of the consoles and the customer site, kept in PostgreSQL by Spring Session
 * ({@code spring_session}), so that a sign-in made on one node holds on every other and signing out ends it on all.
 * A session is indexed by the name it is signed in under (a staff username, a customer's id), which is how an
 * account's sessions are ended at once when it is disabled or its password reset. Expired sessions are deleted by
 * {@link #removeExpired()} (Spring Session's own timer is off): one delete by expiry time, harmless when two nodes
 * run it together, which a lock on scheduled jobs keeps to one.
 */
@Component
public class WebSessions {

    private final JdbcIndexedSessionRepository sessions;

    WebSessions(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends every session signed in as {@code principalName}, on every node, once the surrounding transaction commits
     * (at once outside one): its next request is anonymous, wherever it lands.
     */
    public void endAll(String principalName) {
        AfterTransaction.committed(() -> end(principalName));
    }

    private void end(String principalName) {
        sessions.findByPrincipalName(principalName).keySet().forEach(sessions::deleteById);
    }

    @Scheduled(cron = "${o2o.identity.session-cleanup-cron:0 * * * * *}")
    @SchedulerLock(name = "identity.session-cleanup", lockAtLeastFor = "PT10S", lockAtMostFor = "PT10M")
    public void removeExpired() {
        sessions.cleanUpExpiredSessions();
    }
}
