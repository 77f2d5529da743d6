package o2o.dining;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.dining.persistence.TableSessionRepository;
import o2o.dining.persistence.TableRepository;
import o2o.shared.AfterTransaction;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for tables and their sessions, for the modules that build on them (ordering, bills,
 * reservations). A table has at most one open session, held by a partial unique index: openers that race insert
 * with {@code on conflict do nothing}, and all of them then read the one that won.
 *
 * <p>Every scan, dish added and round sent at a table first finds the table by its QR code, and tables change
 * seldom, so a table found by its code is remembered for {@link #REMEMBER}: an edit or a retirement shows on this
 * node at once (the change forgets the table) and on any other within that time. A code that finds no live table is
 * never remembered.
 */
@Service
public class Tables {

    static final Duration REMEMBER = Duration.ofSeconds(5);

    private final TableRepository tables;
    private final TableSessionRepository sessions;
    private final Clock clock;
    private final Cache<String, DiningTable> remembered = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(50_000)
            .build();

    Tables(TableRepository tables, TableSessionRepository sessions, Clock clock) {
        this.tables = tables;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The live table a QR code names, as it was at most {@link #REMEMBER} ago (at once after a change here). */
    @Transactional(readOnly = true)
    public Optional<DiningTable> byCode(String code) {
        var known = remembered.getIfPresent(code);
        if (known != null) return Optional.of(known);
        var found = tables.byCode(code);
        found.ifPresent(table -> remembered.put(code, table));
        return found;
    }

    /**
     * Forgets what is remembered of this table now and again when the surrounding transaction ends, so that a request
     * racing the change cannot put the old row back. Found by its id, whatever code it was remembered under: tables
     * change seldom, so looking through every entry then costs little.
     */
    void forget(UUID tableId) {
        AfterTransaction.nowAndAtEnd(() -> remembered.asMap().values().removeIf(table -> table.id().equals(tableId)));
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
