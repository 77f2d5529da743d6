package o2o.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import o2o.delivery.persistence.ZoneImportRows;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.StoreId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zones brought in bulk from elsewhere (a city's worth of stores moving from another system, the demo city): each
 * drawn and checked as one saved on the console is, written in batches. The stores are taken as the caller names
 * them, as the merchants' own bulk import does; nobody's permissions are asked.
 */
@Service
public class ZoneImport {

    /** A zone for one store of one merchant. */
    public record ImportedZone(MerchantId merchantId, StoreId storeId, ZoneDraft draft) {}

    private final ZoneImportRows rows;
    private final Clock clock;

    ZoneImport(ZoneImportRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Adds the zones (none replaces another); answers how many. */
    @Transactional
    public int importAll(List<ImportedZone> zones) {
        var made = new ArrayList<Zone>(zones.size());
        for (var z : zones) made.add(z.draft().toZone(Ids.next(), z.merchantId(), z.storeId()));
        rows.insertAll(made, clock.instant());
        return made.size();
    }
}
