package o2o.dining;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import o2o.dining.persistence.TableSessionRepository;
import o2o.dining.persistence.TableRepository;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for tables and their sessions, for the modules that build on them (ordering, bills,
 * reservations). A table has at most one open session, held by a partial unique index: openers that race insert
 * with {@code on conflict do nothing}, and all of them then read the one that won.
 */
@Service
public class Tables {

    private final TableRepository tables;
    private final TableSessionRepository sessions;
    private final Clock clock;

    Tables(TableRepository tables, TableSessionRepository sessions, Clock clock) {
        this.tables = tables;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The live table a QR code names. */
    @Transactional(readOnly = true)
    public Optional<DiningTable> byCode(String code) {
        return tables.byCode(code);
    }

    @Transactional(readOnly = true)
    public Optional<DiningTable> table(UUID tableId) {
        return tables.get(tableId);
    }

    @Transactional(readOnly = true)
    public Optional<TableSession> session(UUID sessionId) {
        return sessions.get(sessionId);
    }

    @Transactional(readOnly = true)
    public Optional<TableSession> openSessionAt(UUID tableId) {
        return sessions.openAt(tableId);
    }

    /**
     * Seats a party at a free table (a reservation's check-in, or staff): a new session, or 409 {@code table-occupied}
     * when the table already has one. Of two seatings at once, one wins.
     */
    @Transactional
    public TableSession seat(UUID tableId, int partySize, String source) {
        TableSession.requireSeating(partySize, source);
        var table = table(tableId).filter(DiningTable::active).orElseThrow(() -> Problem.notFound("table"));
        var opened = sessions.open(table, partySize, source, null, clock.instant())
                .orElseThrow(() -> Problem.conflict("table-occupied", "the table already has an open session"));
        return session(opened).orElseThrow();
    }

    /** The table's open session, opened now (by a scan) if there was none. */
    @Transactional
    public TableSession openOrJoin(DiningTable table, String source, @Nullable String trackingCode) {
        sessions.open(table, null, source, trackingCode, clock.instant());
        return openSessionAt(table.id()).orElseThrow();
    }

    /** Adds a signed-in diner to a session; joining again changes nothing. */
    @Transactional
    public void addDiner(TableSession session, UUID customerId) {
        sessions.addDiner(session, customerId, clock.instant());
    }

    /** Closes a session (the bill is settled, or staff cleared the table). False when it was closed already. */
    @Transactional
    public boolean close(UUID sessionId) {
        return sessions.close(sessionId, clock.instant());
    }
}
