package o2o.campaigns;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import o2o.campaigns.persistence.ScanRows;
import o2o.shared.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Opening a code's short link: the scan is recorded and the link lands on the code's page. */
@Service
public class Scans {

    private final ScanRows rows;
    private final Clock clock;

    Scans(ScanRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** The landing page's path once the scan is recorded; empty (nothing recorded) for a code nobody has. */
    public Optional<String> scan(String code, UUID visitorId, @Nullable CustomerId customer, Device device) {
        if (!CodeText.isWellFormed(code)) return Optional.empty();
        return rows.record(code, visitorId, customer == null ? null : customer.value(), device, clock.instant())
                .map(landing -> TrackingCode.landingPath(landing.target(), landing.targetId()));
    }
}
