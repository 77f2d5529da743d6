package o2o.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import o2o.insights.persistence.AppliedFacts;
import o2o.insights.persistence.RollupLock;
import o2o.insights.persistence.Rollups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for bulk history: past paid sales that came through no event (an import from another system, the
 * demo's history) are added to the rollups in a few batched statements instead of one fact at a time. Each sale is
 * recorded as the same fact its {@code OrderPaid} would be, so a sale imported twice, or imported and later heard
 * as an event, counts once.
 */
@Service
public class InsightsImport {

    private static final int BATCH = 50_000;

    private final AppliedFacts facts;
    private final Rollups rollups;
    private final CustomerNumbering numbering;
    private final RollupLock lock;

    InsightsImport(AppliedFacts facts, Rollups rollups, CustomerNumbering numbering, RollupLock lock) {
        this.facts = facts;
        this.rollups = rollups;
        this.numbering = numbering;
        this.lock = lock;
    }

    /** Returns how many of the sales were counted now (those counted before are skipped). */
    @Transactional
    public long importCompleted(List<HistoricSale> sales) {
        lock.hold();
        var history = new RollupBatch();
        long counted = 0;
        for (int from = 0; from < sales.size(); from += BATCH) {
            var batch = sales.subList(from, Math.min(from + BATCH, sales.size()));
            var ids = new ArrayList<String>(batch.size());
            for (var sale : batch) ids.add(sale.order().value().toString());
            Set<String> fresh = facts.firstTimeAll(Projections.PAID, ids);
            for (var sale : batch) {
                if (!fresh.contains(sale.order().value().toString())) continue;
                history.sale(sale);
                counted++;
            }
        }
        history.writeTo(rollups, numbering);
        return counted;
    }
}
