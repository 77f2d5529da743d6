package o2o.footfall;

import java.time.Clock;

import o2o.footfall.persistence.DoorCountRows;
import o2o.identity.PosPrincipal;
import o2o.malls.Mall;
import o2o.malls.Malls;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door counters of a mall, which post with the POS keys of the mall's building: the key alone decides the mall,
 * so a counter cannot count for another mall, and a key of any other store is refused. Each interval is stored once
 * per key and entrance; a batch sent again, or raced by copies of itself, counts once, and its first report stands.
 */
@Service
public class DoorCounts {

    private final DoorCountRows rows;
    private final Malls malls;
    private final Clock clock;

    DoorCounts(DoorCountRows rows, Malls malls, Clock clock) {
        this.rows = rows;
        this.malls = malls;
        this.clock = clock;
    }

    @Transactional
    public DoorTally record(PosPrincipal pos, DoorBatch batch) {
        var mall = mallOf(pos);
        var now = clock.instant();
        batch.checkedAt(now);
        int accepted = rows.insert(mall.id().value(), pos.keyId(), batch, now);
        return new DoorTally(accepted, batch.intervals().size() - accepted);
    }

    /** The mall whose building the key belongs to; 403 for a key of any other store. */
    private Mall mallOf(PosPrincipal pos) {
        return malls.runBy(new MerchantId(pos.merchantId()))
                .filter(m -> m.building().value().equals(pos.storeId()))
                .orElseThrow(() -> new Problem(HttpStatus.FORBIDDEN, "door-counter-not-mall",
                        "door counts come from a POS key of a mall's building"));
    }
}
