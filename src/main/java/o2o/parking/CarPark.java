package o2o.parking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import o2o.identity.PosPrincipal;
import o2o.malls.Mall;
import o2o.malls.Malls;
import o2o.parking.persistence.SessionRows;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a mall's car park reports through a POS key of the mall's building: a car in (once per plate and the car park's
 * entry id), and a car at the exit barrier, answered with what is left to collect and whether the barrier may open.
 * A key of any other store is refused.
 */
@Service
public class CarPark {

    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");
    /** How far ahead of our clock a car park's clock may run. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    /** The oldest entry a car park may report. */
    private static final Duration OLDEST = Duration.ofDays(400);

    private final SessionRows rows;
    private final Malls malls;
    private final Pricing pricing;
    private final Clock clock;

    CarPark(SessionRows rows, Malls malls, Pricing pricing, Clock clock) {
        this.rows = rows;
        this.malls = malls;
        this.pricing = pricing;
        this.clock = clock;
    }

    /** An entry: the session and whether this call made it. */
    public record Entry(ParkingSession session, boolean isNew) {}

    /** An exit: the stay as it ended, and its price at the exit. */
    public record Exit(ParkingSession session, Quote quote) {}

    /** A car in: the same plate and entry id again answer the session made the first time. */
    @Transactional
    public Entry enter(PosPrincipal pos, String plateText, String entryId, String enteredAtText) {
        var mall = mallOf(pos);
        var plate = Plate.of(plateText);
        checkEntryId(entryId);
        var enteredAt = time("enteredAt", enteredAtText);
        var now = clock.instant();
        if (enteredAt.isBefore(now.minus(OLDEST))) throw new InvalidInput("enteredAt", "within the last 400 days");
        var entered = rows.enter(Ids.next(), mall.id(), plate, entryId, enteredAt, now);
        return new Entry(entered.session(), entered.isNew());
    }

    /**
     * A car at the exit: prices the stay until {@code exitedAt} and ends it, once (a repeat answers the first exit).
     * The exit is worked out from the stay's status and applied only if that status still holds, so a payment that
     * lands meanwhile is counted.
     */
    @Transactional
    public Exit exit(PosPrincipal pos, String plateText, String entryId, String exitedAtText) {
        var mall = mallOf(pos);
        var plate = Plate.of(plateText);
        checkEntryId(entryId);
        var exitedAt = time("exitedAt", exitedAtText);
        for (int attempt = 0; attempt < 5; attempt++) {
            var session = rows.find(mall.id(), plate, entryId).orElseThrow(() -> Problem.notFound("parking session"));
            if (session.status() == ParkingSession.Status.EXITED) {
                var ended = session.exit();
                return new Exit(session, pricing.quote(session, ended == null ? exitedAt : ended.at()));
            }
            if (exitedAt.isBefore(session.enteredAt())) throw new InvalidInput("exitedAt", "not before the entry");
            var quote = pricing.quote(session, exitedAt);
            var exit = new ParkingSession.Exit(exitedAt, quote.fee().gross(), quote.fee().discount(), quote.due());
            if (rows.exit(session.id(), session.status(), exit)) {
                var ended = rows.find(session.id()).orElseThrow();
                return new Exit(ended, quote);
            }
        }
        throw new Problem(HttpStatus.CONFLICT, "parking-session-busy", "the stay is changing; try again");
    }

    /** The mall's latest stays, newest first, for its operator's console. */
    @Transactional(readOnly = true)
    public java.util.List<ParkingSession> latest(o2o.malls.MallId mall, int limit) {
        return rows.latest(mall, limit);
    }

    private Mall mallOf(PosPrincipal pos) {
        return malls.runBy(new MerchantId(pos.merchantId()))
                .filter(mall -> mall.building().value().equals(pos.storeId()))
                .orElseThrow(() -> Problem.forbidden("only a POS key of a mall's building reports its car park"));
    }

    private static void checkEntryId(String entryId) {
        if (!ENTRY_ID.matcher(entryId).matches()) {
            throw new InvalidInput("entryId", "1 to 64 letters, digits and _ . : -");
        }
    }

    private Instant time(String field, String text) {
        Instant at;
        try {
            // to the database's precision, so the stay worked out at the exit is the one the entry stored
            at = java.time.OffsetDateTime.parse(text.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "a time with its offset, such as 2026-05-01T09:30:00+08:00");
        }
        if (at.isAfter(clock.instant().plus(SKEW))) throw new InvalidInput(field, "not in the future");
        return at;
    }
}
