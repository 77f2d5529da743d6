package o2o.profiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.catalog.ItemCategories;
import o2o.profiles.persistence.PendingProfiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for bulk history: past paid orders that came through no event (an import from another system, the
 * demo's history) are added to the profiles in a few batched statements. Each is recorded as the fact its
 * {@code OrderPaid} would be, so an order imported twice, or imported and later heard, counts once.
 */
@Service
public class ProfileImport {

    private static final int BATCH = 50_000;

    private final PendingProfiles facts;
    private final ProfileProjection projection;
    private final ProfileScoring scoring;
    private final ProfileScopes scopes;
    private final LineCategories categories;

    ProfileImport(PendingProfiles facts, ProfileProjection projection, ProfileScoring scoring,
            ProfileScopes scopes, LineCategories categories) {
        this.categories = categories;
        this.scopes = scopes;
        this.facts = facts;
        this.projection = projection;
        this.scoring = scoring;
    }

    /**
     * Returns how many orders were counted now (those counted before are skipped); the merchants' RFM scores are
     * computed again after, so imported members have them before the night's run.
     */
    @Transactional
    public long importPaid(List<PastPurchase> purchases) {
        long counted = 0;
        var groups = scopes.groupScopesOf(purchases.stream().map(p -> p.merchant().value()).distinct().toList());
        var batch = new ProfileBatch(groups);
        var known = categories.ofNamed(purchases.stream().flatMap(p -> p.lines().stream()
                .map(l -> new ItemCategories.NamedItem(p.merchant(), l.title()))).distinct().toList());
        var scored = new LinkedHashSet<UUID>();
        for (int from = 0; from < purchases.size(); from += BATCH) {
            var chunk = purchases.subList(from, Math.min(from + BATCH, purchases.size()));
            var ids = new ArrayList<String>(chunk.size());
            for (var p : chunk) ids.add(p.order().value().toString());
            Set<String> fresh = facts.firstTimeAll(ProfileProjection.PAID, ids);
            for (var p : chunk) {
                if (!fresh.contains(p.order().value().toString())) continue;
                batch.paid(p.merchant().value(), p.customer().value(), p.store() == null ? null : p.store().value(),
                        p.channel().name(), p.paidAt(), p.totalMinor(), p.lines().stream()
                                .map(l -> new ProfileBatch.Line(l.title(), l.quantity(), l.amountMinor(),
                                        known.ofNamed(p.merchant(), l.title()))).toList());
                scored.add(p.merchant().value());
                if (groups.containsKey(p.merchant().value())) scored.add(groups.get(p.merchant().value()));
                counted++;
            }
        }
        projection.write(batch);
        scored.forEach(scoring::score);
        return counted;
    }
}
