package o2o.commissions;

import java.util.List;
import java.util.UUID;

import o2o.commissions.persistence.RateRows;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Merchants;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The module's API for rates: the operator sets the platform's and any taker merchant's ({@link #set}); a mall's
 * console sets its own through {@link #set(Taker, RateChange)}. Setting a rate for a taker, subject and first day again
 * changes it; a later first day starts a new rate, the earlier one applying until then.
 */
@Service
public class CommissionRates {

    private final RateRows rows;
    private final RateCache cache;
    private final Merchants merchants;
    private final java.time.Clock clock;

    CommissionRates(RateRows rows, RateCache cache, Merchants merchants, java.time.Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.merchants = merchants;
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
     * Sets a rate of a taker. A taker merchant names the merchants it takes from (a category of merchants is the
     * platform's to charge) and never itself; both merchants must exist.
     */
    @Transactional
    public CommissionRate set(Taker taker, RateChange change) {
        if (taker.merchant() != null) {
            if (merchants.find(taker.merchant().value()).isEmpty()) {
                throw new InvalidInput("takerMerchantId", "no such merchant");
            }
            if (change.category() != null) {
                throw new InvalidInput("category", "a merchant takes commission only of merchants it names");
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
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.refresh();
            }
        });
    }

    private static void requireOperator(StaffPrincipal who) {
        if (!who.isOperator()) throw Problem.forbidden("only the operator sets commission rates");
    }
}
