package o2o.campaigns;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.campaigns.persistence.AttributionRows;
import o2o.campaigns.persistence.ScanRows;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for bulk history: past scans, and past orders attributed by the same {@link Attribution} rule the
 * projection applies to a paid order, with batched inserts instead of one event at a time. Both are keyed like the
 * projection's rows (a scan by its id, an order's fact by the order), so importing again adds nothing.
 */
@Service
public class CampaignImport {

    private static final int BATCH = 10_000;

    private final ScanRows scans;
    private final AttributionRows attributions;

    CampaignImport(ScanRows scans, AttributionRows attributions) {
        this.scans = scans;
        this.attributions = attributions;
    }

    /** Records the scans of the merchant's codes (a scan of another merchant's code is skipped); how many it added. */
    @Transactional
    public long importScans(MerchantId merchant, List<PastScan> past) {
        long added = 0;
        for (int from = 0; from < past.size(); from += BATCH) {
            added += scans.importAll(merchant.value(), past.subList(from, Math.min(from + BATCH, past.size())));
        }
        return added;
    }

    /**
     * Attributes each order once, to the campaign of its customer's latest scan whose window covers it, else to none;
     * returns how many were attributed now (an order attributed before is left as it was).
     */
    @Transactional
    public long attributeOrders(MerchantId merchant, List<PastOrder> orders) {
        if (orders.isEmpty()) return 0;
        var first = orders.stream().map(PastOrder::paidAt).min(Instant::compareTo).orElseThrow();
        var last = orders.stream().map(PastOrder::paidAt).max(Instant::compareTo).orElseThrow();
        Map<UUID, List<RecentScan>> byCustomer = attributions.scansByCustomer(merchant.value(),
                first.minus(Campaign.MAX_ATTRIBUTION_DAYS, ChronoUnit.DAYS), last);
        long written = 0;
        var facts = new ArrayList<AttributedFact>(Math.min(orders.size(), BATCH));
        for (var order : orders) {
            facts.add(fact(merchant, order, byCustomer));
            if (facts.size() == BATCH) {
                written += attributions.insertAll(facts);
                facts.clear();
            }
        }
        return written + attributions.insertAll(facts);
    }

    private static AttributedFact fact(MerchantId merchant, PastOrder order, Map<UUID, List<RecentScan>> byCustomer) {
        var customer = order.customer() == null ? null : order.customer().value();
        var attribution = customer == null ? Attribution.ORGANIC
                : Attribution.decide(null, null, byCustomer.getOrDefault(customer, List.of()), order.paidAt());
        return new AttributedFact(FactKind.ORDER, order.order().value().toString(), merchant.value(), customer,
                attribution, order.total().minor(), order.discount().minor(), order.total().currency(),
                order.order().value(), order.channel().name(), order.store() == null ? null : order.store().value(),
                order.paidAt());
    }
}
