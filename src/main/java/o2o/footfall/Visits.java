package o2o.footfall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import o2o.footfall.persistence.VisitRows;
import o2o.loyalty.Enrolment;
import o2o.malls.Mall;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a member's visit when they sign in to the mall's Wi-Fi: they join the mall's membership (its owner
 * merchant's, channel {@value #CHANNEL}) if they are not a member yet, and a sign-in within {@link #SAME_VISIT} of the
 * last one extends that visit. The captive portal's device and access point are kept only as hashes.
 */
@Service
public class Visits {

    public static final String CHANNEL = "wifi";
    public static final String VIA_WIFI = "WIFI";
    public static final Duration SAME_VISIT = Duration.ofMinutes(30);

    private final VisitRows rows;
    private final Enrolment enrolment;
    private final Clock clock;

    Visits(VisitRows rows, Enrolment enrolment, Clock clock) {
        this.rows = rows;
        this.enrolment = enrolment;
        this.clock = clock;
    }

    @Transactional
    public Visit record(Mall mall, CustomerId customer, @Nullable String mac, @Nullable String ap) {
        requireDevice(mac, ap);
        boolean joined = enrolment.join(customer, mall.owner(), CHANNEL, null);
        var seen = rows.signIn(mall.id().value(), customer.value(), VIA_WIFI, clock.instant(), SAME_VISIT,
                hashed(mall, "mac", mac), hashed(mall, "ap", ap));
        return new Visit(seen.id(), mall.id(), customer, seen.firstSeen(), seen.lastSeen(), seen.started(), joined);
    }

    /** A member's past visit (another system's history, or the demo's): first and last seen. */
    public record PastVisit(CustomerId customer, Instant firstSeen, Instant lastSeen) {}

    /** Writes a mall's past Wi-Fi visits in bulk (history from another system, demo data); answers how many. */
    @Transactional
    public int importPast(Mall mall, List<PastVisit> visits) {
        return rows.insertAll(mall.id().value(), visits.stream()
                .map(v -> new VisitRows.PastVisit(v.customer().value(), VIA_WIFI, v.firstSeen(), v.lastSeen()))
                .toList());
    }

    /** The portal's device and access point as the redirect named them: at most 64 characters each, or 400. */
    static void requireDevice(@Nullable String mac, @Nullable String ap) {
        if (mac != null && mac.strip().length() > 64) throw new InvalidInput("mac", "at most 64 characters");
        if (ap != null && ap.strip().length() > 64) throw new InvalidInput("ap", "at most 64 characters");
    }

    /** A device or access point as the portal named it, hashed with the mall so it is not readable back. */
    static @Nullable String hashed(Mall mall, String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) return null;
        var value = raw.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((mall.id() + "|" + field + "|" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
