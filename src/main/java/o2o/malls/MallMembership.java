package o2o.malls;

import java.util.UUID;

import o2o.loyalty.Enrolment;
import o2o.loyalty.Loyalty;
import o2o.loyalty.Tier;
import o2o.loyalty.TierBasis;
import o2o.loyalty.Tiers;
import o2o.shared.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's one membership of a mall: joining the mall's own merchant puts them in the mall's group program, whose
 * points every tenant gives and takes and whose tier counts what they spend at any tenant.
 */
@Service
public class MallMembership {

    private final Malls malls;
    private final Enrolment enrolment;
    private final Loyalty loyalty;
    private final Tiers tiers;

    MallMembership(Malls malls, Enrolment enrolment, Loyalty loyalty, Tiers tiers) {
        this.malls = malls;
        this.enrolment = enrolment;
        this.loyalty = loyalty;
        this.tiers = tiers;
    }

    /**
     * The customer's card at the mall: whether they joined, their points in the mall's program, their tier, the next
     * one and how far they are from it ({@code measure} in points, or fen of spend; {@code needed} the same).
     */
    public record Card(Mall mall, boolean member, long points, TierBasis basis, @Nullable Tier tier,
            @Nullable Tier next, long measure, long needed) {

        /** How far to the next tier, 0–100; 100 at the top. */
        public int progressPercent() {
            if (next == null) return 100;
            if (needed <= 0) return 100;
            return (int) Math.min(100, measure * 100 / needed);
        }
    }

    @Transactional(readOnly = true)
    public Card card(CustomerId customer, MallId mallId) {
        var mall = malls.get(mallId);
        var member = enrolment.isMember(customer, mall.owner());
        var rules = tiers.rules(mall.programId());
        var tier = tiers.of(customer, mall.owner()).orElse(null);
        int rank = tier == null ? 0 : tier.rank();
        var next = rules.levels().stream().filter(l -> l.rank() > rank).findFirst().orElse(null);
        long measure = tiers.measure(customer, mall.programId());
        long needed = next == null ? 0 : rules.basis().needed(next.threshold());
        return new Card(mall, member, loyalty.balance(customer, mall.programId()), rules.basis(), tier, next, measure,
                needed);
    }

    /** Joins the mall's membership (its own merchant's); joining again changes nothing. */
    @Transactional
    public Card join(CustomerId customer, MallId mallId, String channel) {
        var mall = malls.get(mallId);
        enrolment.join(customer, mall.owner(), channel, null);
        return card(customer, mallId);
    }

    /** The program's id, for pages that link to the loyalty module's own. */
    public UUID programOf(MallId mall) {
        return malls.get(mall).programId();
    }
}
