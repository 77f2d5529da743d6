package o2o.tableorders;

import java.time.Clock;
import java.util.UUID;

import o2o.dining.TableSession;
import o2o.shared.Problem;
import o2o.tableorders.persistence.BillRepository;
import o2o.tableorders.persistence.SessionLock;
import org.springframework.stereotype.Component;

/**
 * Asking for the bill: it opens over what the table ordered, under the session's round lock, so no round goes out
 * after it; asking again returns the one already open.
 */
@Component
class BillOpening {

    private final BillRepository bills;
    private final SessionLock lock;
    private final BillViews views;
    private final Clock clock;

    BillOpening(BillRepository bills, SessionLock lock, BillViews views, Clock clock) {
        this.bills = bills;
        this.lock = lock;
        this.views = views;
        this.clock = clock;
    }

    Bill ask(TableSession session, String by) {
        if (!session.open()) throw Problem.notFound("bill");
        lock.hold(session.id());
        if (bills.live(session.id()).isEmpty() && !bills.open(session, by, clock.instant())
                && bills.live(session.id()).isEmpty()) {
            throw Problem.conflict("bill-empty", "nothing has been ordered at this table yet");
        }
        return views.of(session);
    }

    /** 409 {@code bill-in-progress} once the bill is asked for; the caller holds the session's round lock. */
    void requireNoBill(UUID sessionId) {
        if (bills.live(sessionId).isPresent()) {
            throw Problem.conflict("bill-in-progress", "the bill has been asked for; staff may reopen it");
        }
    }
}
