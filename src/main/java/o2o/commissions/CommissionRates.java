package o2o.commissions;

import java.util.List;
import java.util.UUID;

import o2o.commissions.persistence.RateRows;
import o2o.identity.StaffPrincipal;
import o2o.malls.Malls;
import o2o.merchants.Merchants;
import o2o.shared.AfterTransaction;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for rates: the operator sets the platform's and any taker merchant's ({@link #set}); a mall's
 * operator sets its own, for its tenant merchants or a category of its tenants ({@link #setForMall}). Setting a rate
 * for a taker, subject and first day again changes it; a later first day starts a new rate, the earlier one applying
 * until then.
 */
@Service
public class CommissionRates {

    private final RateRows rows;
    private final RateCache cache;
    private final Merchants merchants;
    private final Malls malls;
    private final java.time.Clock clock;

    CommissionRates(RateRows rows, RateCache cache, Merchants merchants, Malls malls, java.time.Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.merchants = merchants;
        this.malls = malls;
        this.clock = clock;
    }

    /** Every rate of every taker (operators). */
    @Transactional(readOnly = true)
    public List<CommissionRate> all(StaffPrincipal operator) {
        requireOperator(operator);
        return rows.all().stream().map(CommissionRates::rate).toList();
    }

    /** One taker's rates. */
    @Transactional(readOnly = true)
    public List<CommissionRate> of(Taker taker) {
        return rows.all().stream().map(CommissionRates::rate).filter(r -> r.taker().equals(taker)).toList();
    }

    /** The operator sets a rate for the platform or for a taker merchant. */
    @Transactional
    public CommissionRate set(StaffPrincipal operator, Taker taker, RateChange change) {
        requireOperator(operator);
        return set(taker, change);
    }

    /**
     * The mall's operator sets a rate its mall takes: of one of its tenant merchants (404 {@code tenant} for any
     * other), or of a category its tenants rent under (400 when none does), which applies only to its tenants' orders.
     */
    @Transactional
    public CommissionRate setForMall(StaffPrincipal staff, RateChange change) {
        var mall = malls.operatedBy(staff);
        var tenants = malls.tenants(mall.id()).stream().filter(t -> !t.merchant().equals(mall.owner())).toList();
        if (change.merchant() != null && tenants.stream().noneMatch(t -> t.merchant().equals(change.merchant()))) {
            throw Problem.notFound("tenant");
        }
        if (change.category() != null && tenants.stream().noneMatch(t -> t.category().equals(change.category()))) {
            throw new InvalidInput("category", "no tenant of the mall rents under this category");
        }
        return set(new Taker(mall.owner()), change);
    }

    /** The rates the operator's mall takes. */
    @Transactional(readOnly = true)
    public List<CommissionRate> ofMall(StaffPrincipal staff) {
        return of(new Taker(malls.operatedBy(staff).owner()));
    }

    /** The mall's operator removes one of its mall's rates; 404 for any other. */
    @Transactional
    public void removeForMall(StaffPrincipal staff, UUID rateId) {
        remove(new Taker(malls.operatedBy(staff).owner()), rateId);
    }

    /**
     * Sets a rate of a taker. A taker merchant never names itself; a category it names is the category its tenants rent
     * under in its mall (it reaches no other merchant); both merchants must exist.
     */
    @Transactional
    public CommissionRate set(Taker taker, RateChange change) {
        if (taker.merchant() != null) {
            if (merchants.find(taker.merchant().value()).isEmpty()) {
                throw new InvalidInput("takerMerchantId", "no such merchant");
            }
            if (change.category() != null && malls.runBy(taker.merchant()).isEmpty()) {
                throw new InvalidInput("category", "a merchant names a category only of its mall's tenants");
            }
            if (taker.merchant().equals(change.merchant())) {
                throw new InvalidInput("merchantId", "a merchant takes no commission of itself");
            }
        }
        if (change.merchant() != null && merchants.find(change.merchant().value()).isEmpty()) {
            throw new InvalidInput("merchantId", "no such merchant");
        }
        var saved = rows.upsert(new RateRows.Row(Ids.next(), taker.merchantId(),
                change.merchant() == null ? null : change.merchant().value(), change.category(), change.rateBps(),
                change.validFrom()), clock.instant());
        reloadAfterCommit();
        return rate(saved);
    }

    /** The operator removes a rate of any taker. */
    @Transactional
    public void remove(StaffPrincipal operator, UUID rateId) {
        requireOperator(operator);
        var rate = rows.find(rateId).orElseThrow(() -> Problem.notFound("commission-rate"));
        remove(Taker.of(rate.takerMerchantId()), rateId);
    }

    /** Removes a rate of this taker; 404 when it has none by this id. */
    @Transactional
    public void remove(Taker taker, UUID rateId) {
        if (!rows.delete(rateId, taker.merchantId())) throw Problem.notFound("commission-rate");
        reloadAfterCommit();
    }

    static CommissionRate rate(RateRows.Row r) {
        return new CommissionRate(r.id(), Taker.of(r.takerMerchantId()),
                r.merchantId() == null ? null : new MerchantId(r.merchantId()), r.category(), r.rateBps(),
                r.validFrom());
    }

    private void reloadAfterCommit() {
        AfterTransaction.committed(cache::refresh);
    }

    private static void requireOperator(StaffPrincipal who) {
        if (!who.isOperator()) throw Problem.forbidden("only the operator sets commission rates");
    }
}
